import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { AudioTap, MediaRoomApi } from '@madoguchi/sfu';
import { createLogger } from '../logging/logger';
import type { CaptionEngineSpec } from './caption-engine';
import { RecogniserProcess, RESTART_DELAYS_MS, type RecogniserEvent } from './recogniser-process';

const log = createLogger('captions-pipeline');

/** Binds a UDP port to learn that it is free, then gives it back. */
async function bindable(port: number): Promise<boolean> {
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A free even port with a free port after it: RTP and RTCP for ffmpeg's RTP receiver. */
export async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const probe = createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind(0, '127.0.0.1', () => {
        const { port: p } = probe.address();
        probe.close(() => resolve(p));
      });
    });
    const even = port % 2 === 0 ? port : port + 1;
    if (even + 1 <= 65535 && (await bindable(even)) && (await bindable(even + 1))) return even;
  }
  throw new Error('no free UDP port pair for the audio tap');
}

/** Decodes the tap's RTP/opus (SDP on stdin) to 16 kHz mono s16le on stdout, with no buffering of its own. */
export function ffmpegArgs(): string[] {
  return [
    '-hide_banner',
    '-loglevel', 'error',
    '-protocol_whitelist', 'pipe,udp,rtp',
    '-fflags', 'nobuffer',
    '-flags', 'low_delay',
    '-probesize', '32',
    '-analyzeduration', '0',
    '-f', 'sdp',
    '-i', 'pipe:0',
    '-vn',
    '-ac', '1',
    '-ar', '16000',
    '-f', 's16le',
    '-flush_packets', '1',
    'pipe:1',
  ];
}

export interface AudioPipelineOptions {
  room: MediaRoomApi;
  producerId: string;
  spec: CaptionEngineSpec;
  ffmpegPath: string;
  onText(event: RecogniserEvent): void;
  onState(state: 'running' | 'restarting'): void;
  /** The tap ended by itself: the specialist's microphone producer closed (they left or reconnected). */
  onEnded(): void;
}

/**
 * The specialist's microphone, as the recogniser hears it: SFU audio tap (plain RTP on loopback)
 * -> ffmpeg (opus -> 16 kHz mono PCM) -> recogniser process (JSON lines). Each process that dies
 * is started again with a back-off; the call's media is never touched by any of it.
 *
 * State machine: starting -> running -> stopped (stop(), or the tap ended).
 */
export class AudioPipeline {
  private tap: AudioTap | null = null;
  private ffmpeg: ChildProcessWithoutNullStreams | null = null;
  private ffmpegRestarts = 0;
  private ffmpegTimer: NodeJS.Timeout | undefined;
  private readonly recogniser: RecogniserProcess;
  private state: 'starting' | 'running' | 'stopped' = 'starting';

  constructor(private readonly options: AudioPipelineOptions) {
    this.recogniser = new RecogniserProcess({ spec: options.spec, onText: options.onText, onState: options.onState });
  }

  get producerId(): string {
    return this.options.producerId;
  }

  /** The pids of the pipeline's processes, for CPU accounting (benchmarks). */
  processIds(): number[] {
    return [this.ffmpeg?.pid, this.recogniser.pid].filter((pid): pid is number => typeof pid === 'number');
  }

  /** The recogniser's pid while it runs (tests kill it to check the restart). */
  get recogniserPid(): number | null {
    return this.recogniser.pid;
  }

  get recogniserRestarts(): number {
    return this.recogniser.restartCount;
  }

  async start(): Promise<void> {
    const rtpPort = await freePortPair();
    if (this.state === 'stopped') return;
    const tap = await this.options.room.startAudioTap(this.options.producerId, { ip: '127.0.0.1', rtpPort, rtcpPort: rtpPort + 1 });
    if (this.state !== 'starting') {
      tap.close();
      return;
    }
    this.tap = tap;
    tap.onClosed(() => {
      if (this.state === 'stopped') return;
      this.stop();
      this.options.onEnded();
    });
    this.recogniser.start();
    this.startFfmpeg(tap.sdp);
    this.state = 'running';
    log.info({ engine: this.options.spec.name }, 'caption pipeline started');
  }

  stop(): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    clearTimeout(this.ffmpegTimer);
    this.tap?.close();
    const ffmpeg = this.ffmpeg;
    this.ffmpeg = null;
    ffmpeg?.kill('SIGTERM');
    this.recogniser.stop();
    log.info({ engine: this.options.spec.name }, 'caption pipeline stopped');
  }

  private startFfmpeg(sdp: string): void {
    const ffmpeg = spawn(this.options.ffmpegPath, ffmpegArgs(), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.ffmpeg = ffmpeg;
    ffmpeg.stdin.on('error', () => undefined);
    ffmpeg.stdin.end(sdp);
    ffmpeg.stdout.on('data', (pcm: Buffer) => this.recogniser.write(pcm));
    ffmpeg.stderr.on('data', (chunk: Buffer) => log.debug({ stderr: chunk.toString('utf8').slice(0, 500) }, 'ffmpeg stderr'));
    ffmpeg.on('error', (error) => log.warn({ err: error }, 'ffmpeg could not start'));
    ffmpeg.on('close', (code, signal) => {
      if (this.ffmpeg !== ffmpeg || this.state === 'stopped') return;
      this.ffmpeg = null;
      const delay = RESTART_DELAYS_MS[Math.min(this.ffmpegRestarts, RESTART_DELAYS_MS.length - 1)] ?? 10_000;
      this.ffmpegRestarts += 1;
      log.warn({ code, signal, restartInMs: delay }, 'audio decoder stopped; starting it again');
      this.ffmpegTimer = setTimeout(() => {
        if (this.state !== 'stopped') this.startFfmpeg(sdp);
      }, delay);
      this.ffmpegTimer.unref();
    });
  }
}
