import type { Device, types } from 'mediasoup-client';
import type { EndReason, PeerInfo, QueueEntry } from '@madoguchi/contract/consultation';
import type { IceProtocol, MediaKind, MediaSource, PeerRole, TransportDirection } from '@madoguchi/contract/media-types';
import type { ServerInfo, TransferResult } from '@madoguchi/contract/signalling-events';
import type { CallError } from './call-error';
import type { CallState } from './call/call-state';
import type { AcquireLocalMedia } from './local-media';
import type { ReconnectPolicy } from './reconnect-policy';
import type { SignallingSocket, SignallingSocketOptions } from './signalling';

/**
 * The signalling connection as a screen should describe it. `connected` means the server
 * has answered getServerInfo and the Device is loaded: calls can start.
 */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

export type { CallState } from './call/call-state';

export type TransportConnectionState = types.ConnectionState;

/** Kiosk requests outside the call lifecycle, sent through KioskCallClient.sendKioskNotice(). */
export type KioskNoticeName = 'heartbeat' | 'submitSurvey';

/** Kiosk requests inside a call, sent through KioskCallClient.sendKioskCallRequest(). */
export type KioskCallRequestName = 'sendMessage' | 'answerSnapshot' | 'reportDeviceProblem' | 'askFormCorrection' | 'signForm' | 'refuseForm' | 'getCaptions' | 'captionConsent';

/** Staff console requests inside a call, sent through StaffCallClient.sendStaffRequest(). */
export type StaffCallRequestName = 'sendMessage' | 'requestSnapshot' | 'pointer' | 'documentView' | 'reportQuality' | 'saveOutcome' | 'pushForm' | 'withdrawForm' | 'getCaptions' | 'correctCaption' | 'reportDeviceProblem';

/** Guest requests inside a call, sent through GuestCallClient.sendGuestCallRequest() (a captioner's typing). */
export type GuestCallRequestName = 'getCaptions' | 'captionInput' | 'reportDeviceProblem';

/** Both transports' stats of the current call (null outside a call). */
export interface CallMediaStats {
  send: RTCStatsReport | null;
  recv: RTCStatsReport | null;
}

export interface MediaStatus {
  send: TransportConnectionState;
  recv: TransportConnectionState;
}

/** A track the other side sends, ready to attach to a media element. */
export interface RemoteTrack {
  consumerId: string;
  producerId: string;
  kind: MediaKind;
  source: MediaSource;
  peerRole: PeerRole;
  track: MediaStreamTrack;
}

export interface CallInfo {
  /** Null only while the kiosk's callStaff request is still in flight. */
  consultationId: string | null;
  /** The specialist's name (kiosk) or the kiosk's name (staff), once known. */
  peerName: string | null;
  /** Where the kiosk stands (staff side only). */
  peerLocation: string | null;
  queuePosition: number | null;
  /** Set once a specialist has accepted: the call is no longer a queue entry. */
  answered: boolean;
}

export interface CallEndedEvent {
  consultationId: string | null;
  reason: EndReason;
  /** local: this side hung up or gave up; remote: the server reported the end. */
  initiator: 'local' | 'remote';
  /** False when a queued call ended before anyone accepted it. */
  answered: boolean;
  /** media_failed: whose transports carried nothing (the server's view when it could be asked). */
  failedRoles: PeerRole[];
}

/** Everything a screen needs, as one immutable value that changes identity on every change. */
/** The server node carrying the call stopped; the call is moving to another node (docs/reliability.md, Node failover). */
export interface CallFailover {
  /** `holder`: the node holding the call (a desk hears it from its own node); `own`: this client's own node. */
  lost: 'holder' | 'own';
  /** When the call ends as node_lost if it has not moved (this browser's clock); null: not known here. */
  until: number | null;
}

export interface CallSnapshot {
  connection: ConnectionState;
  serverInfo: ServerInfo | null;
  /**
   * The release this page was loaded with (page-release.ts); differs from serverInfo.buildId
   * once the server has been upgraded under the running page.
   */
  pageBuildId: string | null;
  callState: CallState;
  call: CallInfo | null;
  media: MediaStatus;
  /** `tcp` once UDP carried no media in this call and its transports were made again over TCP. */
  iceProtocol: IceProtocol;
  localStream: MediaStream | null;
  remoteTracks: readonly RemoteTrack[];
  peers: readonly PeerInfo[];
  queue: readonly QueueEntry[];
  lastError: CallError | null;
  /** Set while the call's node has stopped and the call is moving; cleared once both sides are back in it, or it ends. */
  failover: CallFailover | null;
}

export type CallClientEvents = {
  changed: [CallSnapshot];
  connectionStateChanged: [ConnectionState, ConnectionState];
  callStateChanged: [CallState, CallState];
  queueUpdated: [readonly QueueEntry[]];
  callAccepted: [{ consultationId: string; staffName: string }];
  localStreamChanged: [MediaStream | null];
  remoteTrackAdded: [RemoteTrack];
  remoteTrackRemoved: [RemoteTrack];
  transportStateChanged: [TransportDirection, TransportConnectionState];
  peerJoined: [PeerInfo];
  peerLeft: [PeerRole];
  callEnded: [CallEndedEvent];
  /** Kiosk: the call went back to the queue under a new consultation (another department). */
  transferred: [TransferResult];
  error: [CallError];
};

export interface CallClientOptions {
  /** Read on every (re)connection. */
  getToken: () => string | null;
  /**
   * Called when the server refuses the token; resolve once a fresh one is available.
   * Without it an auth refusal leaves the call client `failed` (the staff app logs out).
   */
  refreshToken?: () => Promise<void>;
  /** Socket.IO server URL; defaults to the page's origin. */
  url?: string;
  requestTimeoutMs?: number;
  /** Paces re-authentication after a refusal and ICE restarts after a media failure. */
  reconnectPolicy?: ReconnectPolicy;
  createDevice?: () => Promise<Device>;
  acquireMedia?: AcquireLocalMedia;
  /**
   * Kiosk: load the mediasoup Device when a resident starts (warmUp) or queues, not when the
   * socket connects, so the idle screen comes up without that work (issue 16, item 2).
   */
  deferDevice?: boolean;
  /** Makes each signalling socket (the home one, a holder link); unit tests hand in fakes. */
  createSocket?: (options: SignallingSocketOptions) => SignallingSocket;
}
