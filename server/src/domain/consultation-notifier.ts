import type { EndReason, PeerInfo, QueueEntry } from '../contract/consultation';
import type { ConsumerOptions, PeerRole } from '../contract/media-types';

/** How the domain tells people what happened; implemented over Socket.IO. */
export interface ConsultationNotifier {
  queueChanged(queue: QueueEntry[]): void;
  callAccepted(kioskId: string, payload: { sessionId: string; staffName: string }): void;
  peerJoined(sessionId: string, peer: PeerInfo): void;
  peerLeft(sessionId: string, role: PeerRole): void;
  callEnded(sessionId: string, peerIds: string[], reason: EndReason): void;
  consumerClosed(socketId: string, payload: { sessionId: string; consumerId: string }): void;
  /** Asks one socket to set up a consumer; resolves true once it acked success. */
  requestConsumer(socketId: string, payload: ConsumerOptions & { sessionId: string }): Promise<boolean>;
  /** Puts a socket into the consultation's broadcast group. */
  addToConsultation(socketId: string, sessionId: string): void;
}
