import type { Server, Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
  SocketPrincipal,
} from '@madoguchi/contract/signalling-events';
import type { ParsedSocketPayload, SocketRequest, SocketResult } from '@madoguchi/contract/socket-requests';
import type { ConsultationService } from '../domain/consultation-service';
import type { OutcomeWriter } from '../domain/outcome-writer';
import type { FormService } from '../forms/form-service';
import type { InCallService } from '../domain/in-call-service';
import type { MediaCheckService } from '../domain/media-check-service';
import type { SfuApi } from '@madoguchi/sfu';
import type { ClusterLink } from '../cluster/cluster-link';
import type { CaptionService } from '../captions/caption-service';
import type { CallPlacement } from '../cluster/call-placement';

/** Kiosk liveness for the admins' view. */
export interface KioskPresence {
  kioskAlive(kioskId: string): Promise<void>;
}

export type SignallingServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SignallingSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface HandlerContext {
  principal: SocketPrincipal;
  socketId: string;
  /** The release this node runs (ServerInfo.buildId). */
  buildId: string;
  consultations: ConsultationService;
  sfu: SfuApi;
  presence: KioskPresence;
  cluster: ClusterLink;
  /** Decides whether a consultation is held here or on another node, and asks its holder. */
  placement: CallPlacement;
  inCall: InCallService;
  /** 書かない窓口: forms shown, corrected, signed or refused in the call. */
  forms: FormService;
  mediaChecks: MediaCheckService;
  captions: CaptionService;
  /** Staff's after-call outcome, queued through a database outage. */
  outcomes: OutcomeWriter;
  /** Staff: 「離席中」 (true) or 「対応可能」 on this socket's console, read by the waiting residents' forecasts. */
  setAway(away: boolean): void;
  /** Work to run after the ack has gone out (e.g. offering media to a peer that just joined). */
  afterAck(task: () => Promise<void>): void;
}

/** The requests with a handler of their own; renewAuth belongs to the socket's authentication. */
export type HandledRequest = Exclude<SocketRequest, 'renewAuth'>;

/** What one socket request does; its schema and roles come from SOCKET_REQUESTS in the contract. */
export interface RequestHandler<E extends HandledRequest> {
  run(context: HandlerContext, payload: ParsedSocketPayload<E>): Promise<SocketResult<E>>;
}

/** Every handled request, keyed by event: leaving one out is a compile error. */
export type RequestHandlers = { readonly [E in HandledRequest]: RequestHandler<E> };

/** Names the event so the payload and the answer are typed from the contract's table. */
export function defineHandler<E extends HandledRequest>(_event: E, handler: RequestHandler<E>): RequestHandler<E> {
  return handler;
}
