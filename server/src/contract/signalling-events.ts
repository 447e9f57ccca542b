import type { Language } from './languages';
import type { AckCallback } from './ack';
import type { NodeLoad } from './operations';
import type { EndReason, PeerInfo, QueueEntry } from './consultation';
import type {
  ConsumerOptions,
  IceParametersJson,
  PeerRole,
  RtpCapabilitiesJson,
  TransportOptions,
} from './media-types';
import type {
  AnswerSnapshotPayload,
  CallStaffPayload,
  PointerMark,
  PointerPayload,
  ReportQualityPayload,
  RequestSnapshotPayload,
  SendMessagePayload,
  TransferPayload,
  CheckInPayload,
  ConnectTransportPayload,
  SubmitSurveyPayload,
  EmptyPayload,
  HangUpPayload,
  JoinRoomPayload,
  ProducePayload,
  ProducerPayload,
  SessionPayload,
  TransportPayload,
} from './signalling-schemas';

export interface ServerInfo {
  role: PeerRole;
  displayName: string;
  /** The same for every room: clients load their Device once, before any call. */
  routerRtpCapabilities: RtpCapabilitiesJson;
}

export interface CallStaffResult {
  sessionId: string;
  queuePosition: number;
}

export interface CheckInResult extends CallStaffResult {
  appointment: {
    id: string;
    departmentName: string;
    startsAt: string;
    endsAt: string;
    /** Shown on the kiosk so the resident knows it is theirs; cleared after the call. */
    residentName: string;
  };
}

export interface AcceptCallResult {
  sessionId: string;
  kioskName: string;
  kioskLocation: string;
  /**
   * Set when the consultation's media lives on another server node: the client joins the room
   * through a socket to this URL. Null when this node holds it.
   */
  mediaNodeUrl: string | null;
}

export interface JoinRoomResult {
  sendTransport: TransportOptions;
  recvTransport: TransportOptions;
  peers: PeerInfo[];
}

/**
 * Requests: camelCase commands, each answered exactly once through its ack.
 * Every payload is checked against signalling-schemas on arrival.
 */
export interface ClientToServerEvents {
  getServerInfo: (payload: EmptyPayload, ack: AckCallback<ServerInfo>) => void;
  /** kiosk: a resident asks for a specialist (walk-in). */
  callStaff: (payload: CallStaffPayload, ack: AckCallback<CallStaffResult>) => void;
  /** kiosk: a booked resident checks in with their code and joins the queue. */
  checkIn: (payload: CheckInPayload, ack: AckCallback<CheckInResult>) => void;
  /** kiosk: the satisfaction survey after the call (once per session). */
  submitSurvey: (payload: SubmitSurveyPayload, ack: AckCallback<null>) => void;
  /** Any client: a fresh access token for this socket before the current one expires. */
  renewAuth: (payload: { token: string }, ack: AckCallback<{ expiresAt: string }>) => void;
  /** kiosk: alive; admins see online/offline from this. Sent every 30 s. */
  heartbeat: (payload: EmptyPayload, ack: AckCallback<null>) => void;
  /** kiosk: the resident stops waiting. */
  cancelCall: (payload: SessionPayload, ack: AckCallback<null>) => void;
  /** staff: the waiting residents. */
  getQueue: (payload: EmptyPayload, ack: AckCallback<QueueEntry[]>) => void;
  /** staff: take a waiting resident; exactly one staff member wins. */
  acceptCall: (payload: SessionPayload, ack: AckCallback<AcceptCallResult>) => void;
  joinRoom: (payload: JoinRoomPayload, ack: AckCallback<JoinRoomResult>) => void;
  connectTransport: (payload: ConnectTransportPayload, ack: AckCallback<null>) => void;
  produce: (payload: ProducePayload, ack: AckCallback<{ producerId: string }>) => void;
  closeProducer: (payload: ProducerPayload, ack: AckCallback<null>) => void;
  restartIce: (payload: TransportPayload, ack: AckCallback<{ iceParameters: IceParametersJson }>) => void;
  hangUp: (payload: HangUpPayload, ack: AckCallback<null>) => void;
  /** Either side in a call: a typed message to the others. */
  sendMessage: (payload: SendMessagePayload, ack: AckCallback<ChatMessage>) => void;
  /** staff: ask for a snapshot of the document; the kiosk asks the resident first. */
  requestSnapshot: (payload: RequestSnapshotPayload, ack: AckCallback<{ requestId: string }>) => void;
  /** kiosk: the resident said yes or no to a snapshot request. */
  answerSnapshot: (payload: AnswerSnapshotPayload, ack: AckCallback<null>) => void;
  /** staff: the marks drawn on the document view (the full set each time). */
  pointer: (payload: PointerPayload, ack: AckCallback<null>) => void;
  /** staff: move the resident to another department's queue without dropping the kiosk. */
  transferCall: (payload: TransferPayload, ack: AckCallback<TransferResult>) => void;
  /** staff: the call's media quality, saved on the session record (the last report counts). */
  reportQuality: (payload: ReportQualityPayload, ack: AckCallback<null>) => void;
}

export interface ChatMessage {
  sessionId: string;
  messageId: string;
  from: PeerRole;
  text: string;
  at: string;
  /**
   * A quick phrase's translations by kiosk language; null for free text, which is not translated
   * (the kiosk says so in the resident's language).
   */
  translations: Partial<Record<Language, string>> | null;
}

export interface TransferResult {
  /** The consultation the transfer ended. */
  sessionId: string;
  /** The new queued consultation for the same kiosk. */
  newSessionId: string;
  departmentName: string;
  queuePosition: number;
}

export interface SnapshotInfo {
  sessionId: string;
  snapshotId: string;
  requestId: string;
  takenAt: string;
  contentType: string;
  width: number;
  height: number;
  byteSize: number;
  sha256: string;
}

/** Notifications report what already happened; newConsumer is the one server request. */
export interface ServerToClientEvents {
  /** The socket's token ends soon: send renewAuth, or the socket is closed at `expiresAt`. */
  authExpiring: (payload: { expiresAt: string }) => void;
  queueUpdated: (queue: QueueEntry[]) => void;
  callAccepted: (payload: { sessionId: string; staffName: string }) => void;
  /** The consumer is paused on the server until the client acks, so no RTP arrives before its SDP. */
  newConsumer: (payload: ConsumerOptions & { sessionId: string }, ack: AckCallback<null>) => void;
  consumerClosed: (payload: { sessionId: string; consumerId: string }) => void;
  peerJoined: (payload: { sessionId: string; peer: PeerInfo }) => void;
  peerLeft: (payload: { sessionId: string; role: PeerRole }) => void;
  callEnded: (payload: { sessionId: string; reason: EndReason }) => void;
  /** A message from another participant of the call. */
  messageReceived: (message: ChatMessage) => void;
  /** kiosk: staff ask to photograph the document; answer with answerSnapshot. */
  snapshotRequested: (payload: { sessionId: string; requestId: string }) => void;
  /** staff: the resident refused, or the kiosk's upload is stored. */
  snapshotAnswered: (payload: { sessionId: string; requestId: string; consent: boolean }) => void;
  snapshotStored: (snapshot: SnapshotInfo) => void;
  /** kiosk: the marks to draw over the document preview (empty = clear). */
  pointerMarks: (payload: { sessionId: string; marks: PointerMark[] }) => void;
  /** kiosk: its place in the queue changed; the estimate is from recent waits (null = no history yet). */
  queuePosition: (payload: { sessionId: string; position: number; estimatedWaitSeconds: number | null }) => void;
  /** kiosk: the call became a new queued consultation with another department. */
  transferred: (payload: TransferResult) => void;
}

/** Between server nodes, over the Socket.IO adapter (Redis). Trusted infrastructure only. */
export interface InterServerEvents {
  /** A node's own waiting residents; every node merges them into the queue its staff see. */
  queueSnapshot: (snapshot: { nodeId: string; nodeUrl: string; entries: QueueEntry[] }) => void;
  /** A node that just started asks the others for their snapshots. */
  queueRequest: (fromNodeId: string) => void;
  /** Staff on one node accept a resident waiting on another; the owning node answers. */
  acceptRemote: (request: { principal: SocketPrincipal; sessionId: string }, ack: AckCallback<AcceptCallResult>) => void;
  /** Staff invite a guest into a call held by another node; the holding node records it. */
  inviteGuestRemote: (request: RemoteGuestInvite, ack: AckCallback<RemoteGuestInvitation>) => void;
  /** A participant hangs up through a node that does not hold the call (a desk whose socket to the holder is gone). */
  hangUpRemote: (request: { principal: SocketPrincipal; sessionId: string }, ack: AckCallback<null>) => void;
  /** The operator view asks every node for its media load. */
  nodeLoad: (fromNodeId: string, ack: (load: NodeLoad) => void) => void;
}

export interface RemoteGuestInvite {
  principal: SocketPrincipal;
  sessionId: string;
  label: string;
  ttlSeconds: number;
}

export interface RemoteGuestInvitation {
  linkId: string;
  expiresAt: string;
  /** The node the guest's browser must open: the one holding the call's media. */
  nodeUrl: string;
}

export interface SocketPrincipal {
  role: 'kiosk' | 'staff' | 'admin' | 'guest';
  id: string;
  displayName: string;
  /** Staff: the departments whose residents they see waiting (none = every department). */
  departmentIds?: string[];
}

export interface SocketData {
  principal: SocketPrincipal;
  /** When the token the socket authenticated with (or last renewed with) stops working. */
  authExpiresAt: number;
  /** Staff only: the login session, so logging out or revoking it closes the socket. */
  authSessionId?: string;
}
