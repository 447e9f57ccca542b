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
  /**
   * Sends the file as opus RTP in real time (ffmpeg -re); resolves when its first packet left
   * (`startedAt`, so ffmpeg's own start-up, long on a busy machine, does not count as latency).
   */
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
  // ffmpeg sends to this relay, which passes every packet on to the SFU from the address the
  // transport is connected to, and notes when the first one of a play went through.
  const relay = createSocket('udp4');
  await new Promise<void>((resolve) => relay.bind(0, '127.0.0.1', () => resolve()));
  const relayPort = relay.address().port;
  let firstPacket: ((at: number) => void) | null = null;
  relay.on('message', (packet, from) => {
    if (from.port === transport.port) return; // the SFU's RTCP: ffmpeg needs none
    firstPacket?.(Date.now());
    firstPacket = null;
    relay.send(packet, transport.port, transport.ip);
  });
  const ffmpegPort = await freeUdpPort();
  await room.connectPlainTransport({ peerId, transportId: transport.id, ip: '127.0.0.1', port: relayPort });
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
        '-f', 'rtp', `rtp://127.0.0.1:${relayPort}?localport=${ffmpegPort}&rtcpport=${relayPort}`,
      ], { stdio: ['ignore', 'ignore', 'inherit'] });
      child = ffmpeg;
      const started = new Promise<number>((resolve) => (firstPacket = resolve));
      const done = new Promise<void>((resolve) => ffmpeg.once('close', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        ffmpeg.once('spawn', () => resolve());
        ffmpeg.once('error', reject);
      });
      return { startedAt: await started, done };
    },
    stop() {
      child?.kill('SIGKILL');
      relay.removeAllListeners('message');
      try {
        relay.close();
      } catch {
        // already closed by an earlier stop()
      }
    },
  };
}
