import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { MediaRoomApi } from '@madoguchi/sfu';

const SSRC = 33_445_566;

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

export interface RtpSpeaker {
  producerId: string;
  /** Sends the file as opus RTP in real time (ffmpeg -re); resolves when ffmpeg has started. */
  play(file: string): Promise<{ startedAt: number; done: Promise<void> }>;
  stop(): void;
}

/**
 * A participant's microphone without a browser: a plain RTP transport of that peer in the room,
 * an opus producer with source `microphone`, and ffmpeg encoding a WAV file into it in real
 * time. The SFU treats it as any producer of that peer.
 */
export async function rtpSpeaker(room: MediaRoomApi, peerId: string): Promise<RtpSpeaker> {
  const transport = await room.createPlainTransport(peerId, 'send', { enableSrtp: false });
  const localPort = await freeUdpPort();
  await room.connectPlainTransport({ peerId, transportId: transport.id, ip: '127.0.0.1', port: localPort });
  const producer = await room.produce({
    peerId,
    transportId: transport.id,
    kind: 'audio',
    source: 'microphone',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } }],
      encodings: [{ ssrc: SSRC }],
      rtcp: { cname: 'rtp-speaker', reducedSize: true },
    },
  });
  let child: ChildProcess | null = null;
  return {
    producerId: producer.producerId,
    async play(file) {
      const ffmpeg = spawn('ffmpeg', [
        '-hide_banner', '-loglevel', 'error', '-re', '-i', file,
        '-c:a', 'libopus', '-ar', '48000', '-ac', '2', '-b:a', '32k', '-application', 'voip', '-frame_duration', '20',
        '-payload_type', '111', '-ssrc', String(SSRC),
        '-f', 'rtp', `rtp://${transport.ip}:${transport.port}?localport=${localPort}&rtcpport=${transport.port}`,
      ], { stdio: ['ignore', 'ignore', 'inherit'] });
      child = ffmpeg;
      const done = new Promise<void>((resolve) => ffmpeg.once('close', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        ffmpeg.once('spawn', () => resolve());
        ffmpeg.once('error', reject);
      });
      return { startedAt: Date.now(), done };
    },
    stop() {
      child?.kill('SIGKILL');
    },
  };
}
