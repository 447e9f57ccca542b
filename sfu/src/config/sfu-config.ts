import type { types } from 'mediasoup';

export interface SfuConfig {
  /** Number of mediasoup workers; one per core is the usual choice. */
  workers: number;
  /** Address the media sockets bind to. */
  listenIp: string;
  /** Address written into ICE candidates when the bind address is not reachable as is (NAT, 0.0.0.0). */
  announcedIp?: string;
  /**
   * Single-port mode: each worker's WebRtcServer listens on `webRtcServerPort + workerIndex`
   * (UDP and TCP), so a city-hall firewall opens one port per core. 0 asks the OS for a port.
   * Undefined selects port-range mode instead.
   */
  webRtcServerPort?: number;
  /** Port-range mode: each transport takes its own port in [rtcMinPort, rtcMaxPort]. */
  rtcMinPort: number;
  rtcMaxPort: number;
  initialOutgoingBitrate: number;
  /** Caps what one transport may send us; a document camera at 1080p needs about 2.5 Mbps. */
  maxIncomingBitrate: number;
  logLevel: types.WorkerLogLevel;
  /**
   * Peers one worker takes before a room's next peer goes on another worker (its router piped to
   * the room's home router). bench:sfu measured about 35 consultations per worker core at 2-3
   * peers each, so 100 keeps a worker near that ceiling; below it rooms never span workers.
   */
  workerPeerLimit: number;
  /**
   * How long a participant's transports may take to carry media before the browser tries ICE
   * over TCP, and then as long again before the call ends as `media_failed`. Sent to clients.
   */
  noMediaTimeoutSeconds: number;
  /**
   * The video codec browsers send when they can: mediasoup-client takes the first router codec
   * its browser supports. 'h264' suits kiosks whose PC encodes H.264 in hardware.
   */
  preferredVideoCodec: VideoCodecChoice;
}

export type VideoCodecChoice = 'vp8' | 'h264';

export const mediaCodecs: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

/** The router codecs with the preferred video codec first; the other stays for browsers without it. */
export function mediaCodecsFor(preferred: VideoCodecChoice): types.RtpCodecCapability[] {
  if (preferred === 'vp8') return mediaCodecs;
  const isH264 = (codec: types.RtpCodecCapability): boolean => codec.mimeType === 'video/H264';
  return [...mediaCodecs.filter((codec) => codec.kind === 'audio'), ...mediaCodecs.filter(isH264), ...mediaCodecs.filter((c) => c.kind === 'video' && !isH264(c))];
}

export const defaultSfuConfig: SfuConfig = {
  workers: 1,
  listenIp: '127.0.0.1',
  rtcMinPort: 40000,
  rtcMaxPort: 49999,
  initialOutgoingBitrate: 1_000_000,
  maxIncomingBitrate: 5_000_000,
  logLevel: 'warn',
  workerPeerLimit: 100,
  noMediaTimeoutSeconds: 15,
  preferredVideoCodec: 'vp8',
};
