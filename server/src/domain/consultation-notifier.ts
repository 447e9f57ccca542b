import type { EndReason, PeerInfo, QueueEntry } from '@madoguchi/contract/consultation';
import type { ConsumerOptions, PeerRole } from '@madoguchi/contract/media-types';
import type { ServerToClientEvents } from '@madoguchi/contract/signalling-events';

/** Notifications with a single payload, for the in-call features. */
export type InCallEvent =
  | 'messageReceived'
  | 'snapshotRequested'
  | 'snapshotAnswered'
  | 'snapshotStored'
  | 'deviceProblem'
  | 'guestDeviceProblem'
  | 'pointerMarks'
  | 'documentView'
  | 'transferred'
  | 'queuePosition'
  | 'formShown'
  | 'formWithdrawn'
  | 'formCorrectionAsked'
  | 'formUpdated'
  | 'captionLine'
  | 'captionsState'
  | 'callMoved'
  | 'holderLost';
export type InCallPayload<E extends InCallEvent> = Parameters<ServerToClientEvents[E]>[0];

/** How the domain tells people what happened; implemented over Socket.IO. */
export interface ConsultationNotifier {
  queueChanged(queue: QueueEntry[]): void;
  callAccepted(kioskId: string, payload: { consultationId: string; staffName: string }): void;
  peerJoined(consultationId: string, peer: PeerInfo): void;
  peerLeft(consultationId: string, role: PeerRole): void;
  /** `failedRoles`: who could not get media through, when the reason is media_failed. */
  callEnded(consultationId: string, peerIds: string[], reason: EndReason, failedRoles?: PeerRole[]): void;
  consumerClosed(socketId: string, payload: { consultationId: string; consumerId: string }): void;
  /** Asks one socket to set up a consumer; resolves true once it acked success. */
  requestConsumer(socketId: string, payload: ConsumerOptions & { consultationId: string }): Promise<boolean>;
  /** Puts a socket into the consultation's broadcast group. */
  addToConsultation(socketId: string, consultationId: string): void;
  /**
   * Drops a socket's connection without ending its consultation, so the app reconnects on its own
   * and joins its call again (used after the media room had to be rebuilt).
   */
  dropConnection(socketId: string): void;
  /** Closes every socket of this peer, after what was just sent to it (an ack, callEnded) has gone out. */
  closePeer(peerId: string): void;
  /** To every socket of these peers (see room-names), wherever they are connected. */
  toPeers<E extends InCallEvent>(peerIds: string[], event: E, payload: InCallPayload<E>): void;
}
