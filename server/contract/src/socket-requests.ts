import type { z } from 'zod';
import type { AckCallback } from './ack';
import { CaptionConsentPayload, CaptionInputPayload, CorrectCaptionPayload, type CaptionLine, type CaptionsSnapshot } from './captions';
import type { QueueEntry } from './consultation';
import { AskFormCorrectionPayload, FormRevisionPayload, PushFormPayload, SignFormPayload, WithdrawFormPayload, type FormDocumentInfo, type SignFormResult } from './forms';
import type { ConsumerOptions, IceParametersJson } from './media-types';
import {
  AcceptCallPayload,
  AnswerSnapshotPayload,
  CallStaffPayload,
  CheckInPayload,
  ConnectMediaCheckPayload,
  ConnectTransportPayload,
  EmptyPayload,
  HangUpPayload,
  JoinRoomPayload,
  MediaCheckConsumerPayload,
  MediaCheckPayload,
  PointerPayload,
  DocumentViewPayload,
  ProduceMediaCheckPayload,
  ProducePayload,
  ProducerPayload,
  RenewAuthPayload,
  ReportDeviceProblemPayload,
  ReportQualityPayload,
  RequestSnapshotPayload,
  ResumeCallPayload,
  SaveOutcomePayload,
  SendMessagePayload,
  ConsultationPayload,
  SetAvailabilityPayload,
  StandByPayload,
  StartMediaCheckPayload,
  SubmitSurveyPayload,
  TransferPayload,
  TransportPayload,
} from './signalling-schemas';
import type {
  AcceptCallResult,
  CallStaffResult,
  ChatMessage,
  CheckInResult,
  JoinRoomResult,
  MediaCheckStart,
  MediaFailure,
  ResumeCallResult,
  ServerInfo,
  StandbyTransports,
  TransferResult,
} from './signalling-events';

export type SocketRole = 'kiosk' | 'staff' | 'admin' | 'guest';

declare const RESULT: unique symbol;
/**
 * The type of a request's answer, carried by the table for the compiler only: answers are
 * built by our own server, so they are typed, not parsed.
 */
export interface Result<T> {
  readonly [RESULT]?: T;
}
const result = <T>(): Result<T> => ({});

export interface SocketRequestSpec {
  /** Checked on arrival, before the handler runs. */
  payload: z.ZodType;
  /** Who may send it: the first gate; the consultation then checks that the sender takes part. */
  roles: readonly SocketRole[];
  result: Result<unknown>;
}

const request = <const P extends z.ZodType, const R extends readonly SocketRole[], T>(spec: {
  payload: P;
  roles: R;
  result: Result<T>;
}) => spec;

const KIOSK = ['kiosk'] as const;
const STAFF = ['staff', 'admin'] as const;
const ANY_PARTY = ['kiosk', 'staff', 'admin'] as const;
/** In a call: the kiosk, staff, and a guest invited into that one call. */
const IN_CALL = ['kiosk', 'staff', 'admin', 'guest'] as const;

/**
 * Every socket request (camelCase commands, each answered exactly once through its ack): the
 * one table of the signalling protocol. The event map the clients and the server are typed
 * with, the permission table and the server's handler record are all derived from it, so a
 * new request is one entry here plus its handler, and a missing handler is a compile error.
 */
export const SOCKET_REQUESTS = {
  getServerInfo: request({ payload: EmptyPayload, roles: IN_CALL, result: result<ServerInfo>() }),
  /** Any client: a fresh access token for this socket before the current one expires. */
  renewAuth: request({ payload: RenewAuthPayload, roles: ANY_PARTY, result: result<{ expiresAt: string }>() }),
  /** kiosk: a resident asks for a specialist (walk-in). */
  callStaff: request({ payload: CallStaffPayload, roles: KIOSK, result: result<CallStaffResult>() }),
  /** kiosk: a booked resident checks in with their code and joins the queue. */
  checkIn: request({ payload: CheckInPayload, roles: KIOSK, result: result<CheckInResult>() }),
  /** kiosk: the satisfaction survey after the call (once per consultation). */
  submitSurvey: request({ payload: SubmitSurveyPayload, roles: KIOSK, result: result<null>() }),
  /** kiosk: alive; admins see online/offline from this. Sent every 30 s. */
  heartbeat: request({ payload: EmptyPayload, roles: KIOSK, result: result<null>() }),
  /** kiosk: the resident stops waiting. */
  cancelCall: request({ payload: ConsultationPayload, roles: KIOSK, result: result<null>() }),
  /** kiosk: the resident said yes or no to a snapshot request. */
  answerSnapshot: request({ payload: AnswerSnapshotPayload, roles: KIOSK, result: result<null>() }),
  /**
   * kiosk, desk or guest: a device of the call does not work (camera, microphone; the kiosk's
   * document camera); the other side is told (a guest's: the desk).
   */
  reportDeviceProblem: request({ payload: ReportDeviceProblemPayload, roles: IN_CALL, result: result<null>() }),
  /** staff: the waiting residents. */
  getQueue: request({ payload: EmptyPayload, roles: STAFF, result: result<QueueEntry[]>() }),
  /** Staff: 「対応可能」 (true) or 「離席中」 on this console; waiting residents are told whether anyone can answer. */
  setAvailability: request({ payload: SetAvailabilityPayload, roles: STAFF, result: result<null>() }),
  /** staff: take a waiting resident; exactly one staff member wins. */
  acceptCall: request({ payload: AcceptCallPayload, roles: STAFF, result: result<AcceptCallResult>() }),
  /**
   * staff: stand by for the resident at the head of the queue (transports made and connected
   * before 「応答」, nothing offered either way); `consultationId: null` stops it. Null answer then.
   */
  standBy: request({ payload: StandByPayload, roles: STAFF, result: result<StandbyTransports | null>() }),
  /** staff: ask for a snapshot of the document; the kiosk asks the resident first. */
  requestSnapshot: request({ payload: RequestSnapshotPayload, roles: STAFF, result: result<{ requestId: string }>() }),
  /** staff: the marks drawn on the document view (the full set each time). */
  pointer: request({ payload: PointerPayload, roles: STAFF, result: result<null>() }),
  /** staff: the console shows the document pane (true) or is hidden (false); the kiosk sends the document only while shown. */
  documentView: request({ payload: DocumentViewPayload, roles: STAFF, result: result<null>() }),
  /** staff: move the resident to another department's queue without dropping the kiosk. */
  transferCall: request({ payload: TransferPayload, roles: STAFF, result: result<TransferResult>() }),
  /** staff: the call's media quality, saved on the consultation record (the last report counts). */
  reportQuality: request({ payload: ReportQualityPayload, roles: STAFF, result: result<null>() }),
  /** staff: the outcome right after a call; `queued`: the database is away and it will land, with this time, once it is back. */
  saveOutcome: request({ payload: SaveOutcomePayload, roles: STAFF, result: result<{ queued: boolean }>() }),
  joinRoom: request({ payload: JoinRoomPayload, roles: IN_CALL, result: result<JoinRoomResult>() }),
  connectTransport: request({ payload: ConnectTransportPayload, roles: IN_CALL, result: result<null>() }),
  produce: request({ payload: ProducePayload, roles: IN_CALL, result: result<{ producerId: string }>() }),
  closeProducer: request({ payload: ProducerPayload, roles: IN_CALL, result: result<null>() }),
  restartIce: request({ payload: TransportPayload, roles: IN_CALL, result: result<{ iceParameters: IceParametersJson }>() }),
  hangUp: request({ payload: HangUpPayload, roles: IN_CALL, result: result<null>() }),
  /** Either side in a call: a typed message to the others. */
  sendMessage: request({ payload: SendMessagePayload, roles: IN_CALL, result: result<ChatMessage>() }),
  /** Either party: no media flowed over UDP nor TCP in time; the call ends as media_failed. */
  reportMediaFailure: request({ payload: ConsultationPayload, roles: ANY_PARTY, result: result<MediaFailure>() }),
  /** Connection check (kiosk, staff PC): a loopback room of this socket's own, closed after a minute. */
  startMediaCheck: request({ payload: StartMediaCheckPayload, roles: ANY_PARTY, result: result<MediaCheckStart>() }),
  connectMediaCheck: request({ payload: ConnectMediaCheckPayload, roles: ANY_PARTY, result: result<null>() }),
  /** Sends a test track; the answer is the paused consumer of that same track, looped back. */
  produceMediaCheck: request({
    payload: ProduceMediaCheckPayload,
    roles: ANY_PARTY,
    result: result<{ producerId: string; consumer: ConsumerOptions }>(),
  }),
  resumeMediaCheck: request({ payload: MediaCheckConsumerPayload, roles: ANY_PARTY, result: result<null>() }),
  endMediaCheck: request({ payload: MediaCheckPayload, roles: ANY_PARTY, result: result<null>() }),
  /** kiosk, staff: after a reload or reconnect, the call to go back to (and how the last one ended). */
  resumeCall: request({ payload: ResumeCallPayload, roles: ANY_PARTY, result: result<ResumeCallResult>() }),
  /** staff: show a filled form on the kiosk (new), or send a corrected revision (`documentId`). */
  pushForm: request({ payload: PushFormPayload, roles: STAFF, result: result<FormDocumentInfo>() }),
  /** staff: take the form shown (or sent back for a correction) off the kiosk at once; recorded. */
  withdrawForm: request({ payload: WithdrawFormPayload, roles: STAFF, result: result<FormDocumentInfo>() }),
  /** kiosk: the resident says 「ここが違います」 about one field of the revision shown. */
  askFormCorrection: request({ payload: AskFormCorrectionPayload, roles: KIOSK, result: result<null>() }),
  /** kiosk: 「この内容で申請する」 with the signature, for the revision shown; accepted once. */
  signForm: request({ payload: SignFormPayload, roles: KIOSK, result: result<SignFormResult>() }),
  /** kiosk: the resident does not want to apply; recorded. */
  refuseForm: request({ payload: FormRevisionPayload, roles: KIOSK, result: result<null>() }),
  // Live captions (captions.ts). A guest's captionInput is further narrowed to captioner guests
  // (guestKind 'captioner') by the handler, and getCaptions refuses guests of other kinds.
  /** Captioner guest: the line being typed, sent on every keystroke. */
  captionInput: request({ payload: CaptionInputPayload, roles: ['guest'], result: result<null>() }),
  /** staff: correct a caption line; the kiosk shows the new text in place. */
  correctCaption: request({ payload: CorrectCaptionPayload, roles: STAFF, result: result<CaptionLine>() }),
  /** kiosk: the resident's answer about keeping the caption text in the record. */
  captionConsent: request({ payload: CaptionConsentPayload, roles: KIOSK, result: result<null>() }),
  /** kiosk, staff, captioner guest: the captions state and latest lines (after a join or reload). */
  getCaptions: request({ payload: ConsultationPayload, roles: IN_CALL, result: result<CaptionsSnapshot>() }),
} as const satisfies Record<string, SocketRequestSpec>;

export type SocketRequest = keyof typeof SOCKET_REQUESTS;
/** What a client sends (before the schema's defaults and coercions). */
export type SocketPayload<E extends SocketRequest> = z.input<(typeof SOCKET_REQUESTS)[E]['payload']>;
/** What the handler receives: the payload as the schema parsed it. */
export type ParsedSocketPayload<E extends SocketRequest> = z.output<(typeof SOCKET_REQUESTS)[E]['payload']>;
export type SocketResult<E extends SocketRequest> = (typeof SOCKET_REQUESTS)[E]['result'] extends Result<infer T> ? T : never;
/** The roles that may send `E`, as a union (e.g. 'staff' | 'admin'). */
export type SocketRolesOf<E extends SocketRequest> = (typeof SOCKET_REQUESTS)[E]['roles'][number];

/** The Socket.IO event map of requests, derived from the table. */
export type SocketRequestEvents = {
  [E in SocketRequest]: (payload: SocketPayload<E>, ack: AckCallback<SocketResult<E>>) => void;
};

/** The requests a role may send: a kiosk's client cannot even name acceptCall. */
export type SocketRequestOf<R extends SocketRole> = {
  [E in SocketRequest]: R extends SocketRolesOf<E> ? E : never;
}[SocketRequest];
