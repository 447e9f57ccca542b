/**
 * The two ways the bench builds consultations: through our media layer (MediaRoom over plain
 * transports) or straight on a mediasoup router. The generator and the sink see no difference.
 */
import type { BenchPeer as PeerRole } from './consultation-shape';
import type { StreamSpec } from './consultation-shape';

export interface PeerEndpoints {
  /** The generator's socket: the SFU's send transport accepts RTP from this port only. */
  generatorPort: number;
  /** The sink's socket: the SFU's receive transport sends there. */
  sinkPort: number;
  /** SRTP keys the generator protects with; undefined for plain RTP. */
  generatorKey?: string;
  /** SRTP keys the sink would protect its RTCP with (mediasoup needs remote keys to connect). */
  sinkKey?: string;
}

export interface WiredPeer {
  /** The SFU's send transport port, where this peer's generator sends. */
  sendPort: number;
  /** SRTP keys the SFU protects what this peer receives with. */
  recvKey?: string;
}

export interface WiredStream {
  spec: StreamSpec;
  producerSsrc: number;
  /** The SSRC the consumer sends with, which the receiving peer's sink counts. */
  consumerSsrc: number;
}

export interface WiredConsultation {
  peers: Record<PeerRole, WiredPeer>;
  streams: WiredStream[];
}

export interface WorkerUsage {
  /** User + system CPU time, ms. */
  cpuMs: number;
  maxRssKb: number;
}

export interface ConsultationRig {
  readonly name: 'ours' | 'bare';
  readonly workerPid: number;
  workerUsage(): Promise<WorkerUsage>;
  /** Creates one consultation: 4 transports, 5 producers, 5 consumers resumed. */
  openConsultation(index: number, endpoints: Record<PeerRole, PeerEndpoints>): Promise<WiredConsultation>;
  closeConsultations(): Promise<void>;
  close(): Promise<void>;
}

export interface RigOptions {
  srtp: boolean;
}

/** Reads the SSRC the SFU picked for a consumer out of its RTP parameters. */
export function consumerSsrcOf(rtpParameters: unknown): number {
  const ssrc = (rtpParameters as { encodings?: { ssrc?: number }[] }).encodings?.[0]?.ssrc;
  if (typeof ssrc !== 'number') throw new Error('consumer has no SSRC');
  return ssrc;
}
