import type { FormServerEvents } from './forms';
import type { CaptionLine, CaptionsState } from './captions';
import type { GuestKind } from './guests';
import type { Language } from './languages';
import type { AckCallback } from './ack';
import type { NodeLoad } from './operations';
import type { SocketRequestEvents } from './socket-requests';
import type { EndReason, PeerInfo, QueueEntry, WaitOutlook } from './consultation';
import type { ConsumerOptions, MediaPathInfo, PeerRole, RtpCapabilitiesJson, TransportOptions } from './media-types';
import type { PointerMark, ReportDeviceProblemPayload } from './signalling-schemas';

export interface ServerInfo {
  role: PeerRole;
  displayName: string;
  /** The same for every room: clients load their Device once, before any call. */
  routerRtpCapabilities: RtpCapabilitiesJson;
  /** The media port to name when it cannot be reached, and how long media may take to flow. */
  media: MediaPathInfo;
  /** Guests: who they were invited as (a captioner's page shows the typing box). */
  guestKind?: GuestKind;
  /**
   * The cluster's nodes (this one first) as far as this node knows them: a kiosk or a desk
   * whose node stops goes on with its call through another one. Just this node when it runs
   * alone; not given to guests.
   */
  nodeUrls?: string[];
  /** The release this node runs (release.ts): a page loaded with another one reloads itself. */
  buildId: string;
}

export interface MediaCheckStart {
  checkId: string;
  sendTransport: TransportOptions;
  recvTransport: TransportOptions;
}

/** Who could not get media through, as the server sees the transports (the sender may be fine). */
export interface MediaFailure {
  failedRoles: PeerRole[];
}

export interface CallStaffResult {
  consultationId: string;
  queuePosition: number;
}

export interface CheckInResult extends CallStaffResult {
  appointment: {
    id: string;
    departmentName: string;
    startsAt: string;
    endsAt: string;
    /**
     * Shown on the kiosk so the resident knows it is theirs, as the town's setting allows on a
     * public screen (family name or initials by default); null: no name. Cleared after the call.
     */
    residentName: string | null;
  };
}

export interface AcceptCallResult {
  consultationId: string;
  kioskName: string;
  kioskLocation: string;
  /**
   * Set when the consultation's media lives on another server node: the client joins the room
   * through a socket to this URL. Null when this node holds it.
   */
  mediaNodeUrl: string | null;
  /**
   * The desk's join, made with the accept when it asked for one (AcceptCallPayload `join`) and
   * this node holds the call: the client goes on with these transports, with no joinRoom.
   */
  join?: JoinRoomResult;
}

/** A consultation the caller is still part of, as a reloaded app needs it to carry on. */
export interface ResumableCall {
  consultationId: string;
  state: 'queued' | 'active';
  /** Kiosk: the specialist's name; staff: the kiosk's name. */
  peerName: string | null;
  peerLocation: string | null;
  /** Kiosk, while waiting. */
  queuePosition: number | null;
  /** Staff: the node holding the call, when it is not the one asked (as in AcceptCallResult). */
  mediaNodeUrl: string | null;
  /**
   * The department the resident waits for or talks to (null: the general counter), and whether
   * staff handed them over to it: a reloaded kiosk shows it again on its waiting screen.
   */
  department: ResumableDepartment | null;
}

export interface ResumableDepartment {
  id: string;
  /** The Japanese name (a kiosk shows its own language's from its departments when it has them). */
  name: string;
  /** Staff handed the resident over to this department (the consultation is a later leg). */
  transferred: boolean;
}

export interface ResumeCallResult {
  live: ResumableCall | null;
  /** The consultation named in the request, if it has ended: its recorded reason. */
  ended: { consultationId: string; reason: EndReason; answered: boolean } | null;
  /** Staff with no live call: their latest call that ended in the last 30 minutes with no outcome yet. */
  unrecorded: { consultationId: string; reason: EndReason; kioskName: string } | null;
}

/** A desk's transports made before it answers (standBy); the accept's join hands the same ones back. */
export interface StandbyTransports {
  sendTransport: TransportOptions;
  recvTransport: TransportOptions;
}

export interface JoinRoomResult {
  sendTransport: TransportOptions;
  recvTransport: TransportOptions;
  peers: PeerInfo[];
}

/**
 * Requests: derived from SOCKET_REQUESTS (socket-requests.ts), the one table of requests with
 * their payload schema, roles and answer. Every payload is checked against its schema on arrival.
 */
export type ClientToServerEvents = SocketRequestEvents;

export interface ChatMessage {
  consultationId: string;
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
  consultationId: string;
  /** The new queued consultation for the same kiosk. */
  newConsultationId: string;
  departmentId: string;
  departmentName: string;
  queuePosition: number;
}

/** A guest's own camera or microphone is missing from the call; the desk says so beside the guest's tile. */
export interface GuestDeviceProblem {
  consultationId: string;
  device: 'camera' | 'microphone';
  /** Who the guest is (as on their tile). */
  guestKind: GuestKind;
}

export interface SnapshotInfo {
  consultationId: string;
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
export interface ServerToClientEvents extends FormServerEvents {
  /** The socket's token ends soon: send renewAuth, or the socket is closed at `expiresAt`. */
  authExpiring: (payload: { expiresAt: string }) => void;
  queueUpdated: (queue: QueueEntry[]) => void;
  callAccepted: (payload: { consultationId: string; staffName: string }) => void;
  /** The consumer is paused on the server until the client acks, so no RTP arrives before its SDP. */
  newConsumer: (payload: ConsumerOptions & { consultationId: string }, ack: AckCallback<null>) => void;
  consumerClosed: (payload: { consultationId: string; consumerId: string }) => void;
  peerJoined: (payload: { consultationId: string; peer: PeerInfo }) => void;
  peerLeft: (payload: { consultationId: string; role: PeerRole }) => void;
  /** `failedRoles`: set when the reason is media_failed. */
  callEnded: (payload: { consultationId: string; reason: EndReason; failedRoles?: PeerRole[] }) => void;
  /** A message from another participant of the call. */
  messageReceived: (message: ChatMessage) => void;
  /** kiosk: staff ask to photograph the document; answer with answerSnapshot. */
  snapshotRequested: (payload: { consultationId: string; requestId: string }) => void;
  /** staff: the resident refused, or the kiosk's upload is stored. */
  snapshotAnswered: (payload: { consultationId: string; requestId: string; consent: boolean }) => void;
  snapshotStored: (snapshot: SnapshotInfo) => void;
  /** staff: the kiosk's document camera does not work; `requestId`: that snapshot will not come. */
  deviceProblem: (payload: ReportDeviceProblemPayload) => void;
  /** staff: a guest of the call sends without their camera or microphone (missing, or refused in their browser). */
  guestDeviceProblem: (payload: GuestDeviceProblem) => void;
  /** kiosk: the marks to draw over the document preview (empty = clear). */
  pointerMarks: (payload: { consultationId: string; marks: PointerMark[] }) => void;
  /** kiosk: whether the specialist's console shows the document now; the document camera is sent only while it does. */
  documentView: (payload: { consultationId: string; shown: boolean }) => void;
  /** kiosk: its place in the queue changed; the estimate is from recent waits (null = no history yet). */
  queuePosition: (payload: { consultationId: string; position: number; estimatedWaitSeconds: number | null; outlook: WaitOutlook }) => void;
  /** kiosk: the call became a new queued consultation with another department. */
  transferred: (payload: TransferResult) => void;
  /** Kiosk, staff, captioner guest: a caption line is new or its text changed. */
  captionLine: (line: CaptionLine) => void;
  /** Kiosk, staff, captioner guest: where captions come from now, and the transcript question. */
  captionsState: (state: CaptionsState) => void;
  /**
   * staff: the node that held their call stopped and another node took it over (the
   * resident's kiosk reached it): ask resumeCall where it is now and join it there.
   */
  callMoved: (payload: { consultationId: string }) => void;
  /**
   * Kiosk and staff of the call: the server node holding it stopped (its lease ran out). The
   * call may still move to another node for `secondsLeft` (the failover grace); after that it
   * is closed as node_lost (callEnded). A callMoved, or media again, means it moved.
   */
  holderLost: (payload: { consultationId: string; secondsLeft: number }) => void;
}

/** Between server nodes, over the Socket.IO adapter (Redis). Trusted infrastructure only. */
export interface InterServerEvents {
  /** A node's own waiting residents; every node merges them into the queue its staff see. */
  queueSnapshot: (snapshot: { nodeId: string; nodeUrl: string; entries: QueueEntry[] }) => void;
  /** A member's departments changed: every node re-scopes that member's sockets. */
  memberScopeChanged: (change: { staffId: string; departmentIds: string[] }) => void;
  /** A node that just started asks the others for their snapshots. */
  queueRequest: (fromNodeId: string) => void;
  /** Staff on one node accept a resident waiting on another; the owning node answers. */
  acceptRemote: (request: { principal: SocketPrincipal; consultationId: string }, ack: AckCallback<AcceptCallResult>) => void;
  /** Staff invite a guest into a call held by another node; the holding node records it. */
  inviteGuestRemote: (request: RemoteGuestInvite, ack: AckCallback<RemoteGuestInvitation>) => void;
  /** A participant hangs up through a node that does not hold the call (a desk whose socket to the holder is gone). */
  hangUpRemote: (request: { principal: SocketPrincipal; consultationId: string; reason?: 'resident_absent' }, ack: AckCallback<null>) => void;
  /** A desk that reloaded asks which node holds its live call; only the holder answers with it. */
  findCallRemote: (request: { principal: SocketPrincipal }, ack: AckCallback<ResumableCall | null>) => void;
  /**
   * Who is online, available or in a call changed on one node: every node tells its waiting
   * residents again what to expect (a specialist busy on another node is not free here).
   */
  forecastsStale: (fromNodeId: string) => void;
  /**
   * A node reached PostgreSQL and may close the calls of nodes whose lease ran out. A node
   * that cannot reach it learns from this that its own calls may be recorded node_lost.
   */
  leaseBeat: (fromNodeId: string) => void;
  /** The operator view asks every node for its media load. */
  nodeLoad: (fromNodeId: string, ack: (load: NodeLoad) => void) => void;
}

export interface RemoteGuestInvite {
  principal: SocketPrincipal;
  consultationId: string;
  label: string;
  kind: GuestKind;
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
  /** Guest: who they are (interpreter, another department…), so every side can say so. */
  guestKind?: GuestKind;
}

export interface SocketData {
  principal: SocketPrincipal;
  /** When the token the socket authenticated with (or last renewed with) stops working. */
  authExpiresAt: number;
  /** Staff only: the login session, so logging out or revoking it closes the socket. */
  loginSessionId?: string;
  /** Staff only: the console says 「離席中」 (set by setAvailability; absent means available). */
  away?: boolean;
}
