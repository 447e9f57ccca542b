import type { Server, Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
  SocketPrincipal,
} from '@madoguchi/contract/signalling-events';
import type { ConsultationService } from '../domain/consultation-service';
import type { OutcomeWriter } from '../domain/outcome-writer';
import type { InCallService } from '../domain/in-call-service';
import type { MediaCheckService } from '../domain/media-check-service';
import type { SfuApi } from '@madoguchi/sfu';
import type { ClusterLink } from '../cluster/cluster-link';
import type { CaptionService } from '../captions/caption-service';

/** Kiosk liveness for the admins' view. */
export interface KioskPresence {
  kioskAlive(kioskId: string): Promise<void>;
}

export type SignallingServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SignallingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface HandlerContext {
  principal: SocketPrincipal;
  socketId: string;
  consultations: ConsultationService;
  sfu: SfuApi;
  presence: KioskPresence;
  cluster: ClusterLink;
  inCall: InCallService;
  mediaChecks: MediaCheckService;
  captions: CaptionService;
  /** Staff's after-call outcome, queued through a database outage. */
  outcomes: OutcomeWriter;
  /** Staff: 「離席中」 (true) or 「対応可能」 on this socket's console, read by the waiting residents' forecasts. */
  setAway(away: boolean): void;
  /** Work to run after the ack has gone out (e.g. offering media to a peer that just joined). */
  afterAck(task: () => Promise<void>): void;
}

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends (response: infer R) => void
    ? R extends { ok: true; data: infer D } ? D : never
    : never;

/** One socket request: its schema, who may send it, and what it does. */
export interface RequestHandler<E extends keyof ClientToServerEvents> {
  event: E;
  schema: ZodType<Parameters<ClientToServerEvents[E]>[0]>;
  roles: readonly SocketPrincipal['role'][];
  run(context: HandlerContext, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckData<E>>;
}

export type AnyRequestHandler = { [E in keyof ClientToServerEvents]: RequestHandler<E> }[keyof ClientToServerEvents];

export function defineHandler<E extends keyof ClientToServerEvents>(handler: RequestHandler<E>): RequestHandler<E> {
  return handler;
}
