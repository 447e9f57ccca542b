import type { Device } from 'mediasoup-client';
import type { AckCallback } from '@madoguchi/contract/ack';
import type { EndReason, QueueEntry } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { ConsumerOptions, PeerRole, TransportOptions } from '@madoguchi/contract/media-types';
import type { MediaSource } from '@madoguchi/contract/media-types';
import type {
  AcceptCallResult,
  CallStaffResult,
  CheckInResult,
  ResumableCall,
  ResumeCallResult,
  ServerInfo,
  ServerToClientEvents,
  TransferResult,
} from '@madoguchi/contract/signalling-events';
import type { CallStaffPayload, CheckInPayload } from '@madoguchi/contract/signalling-schemas';
import { CallError, toCallError } from './call-error';
import { CallMedia } from './call-media';
import { CallSessionState } from './call-session-state';
import type {
  CallInfo,
  CallMediaStats,
  CallSessionOptions,
  ConnectionState,
  KioskCallRequestName,
  KioskNoticeName,
  StaffCallRequestName,
} from './call-session-types';
import { createDeferred } from './deferred';
import type { Deferred } from './deferred';
import { EMPTY_SNAPSHOT } from './empty-snapshot';
import { acquireLocalMedia, stopStream } from './local-media';
import type { LocalMedia } from './local-media';
import { createLogger } from './logger';
import { fromRtpCapabilities, toRtpCapabilities } from './media-json';
import { loadMediasoupClient } from './load-mediasoup-client';
import { createMediaSignalling } from './media-signalling';
import { MediaPathGuard } from './media-path-guard';
import { FAILOVER_CONNECT_TIMEOUT_MS, NodeFailover, type FailoverOutcome } from './node-failover';
import { checkMediaPath, type MediaPathResult } from './media-check';
import { DefaultReconnectPolicy } from './reconnect-policy';
import { SessionConnection } from './session-connection';
import { request } from './signalling';
import type { RequestName, RequestPayload, RequestResult, SignallingSocket } from './signalling';

const logger = createLogger('call-session');

/** One call from the first request to teardown; replaced, never reused. */
interface ActiveCall {
  info: CallInfo;
  media: CallMedia | null;
  /** Opened once per call and kept across re-joins; stopped at teardown. */
  localMedia: Promise<LocalMedia> | null;
  /** Resolved with each join's media; newConsumer waits on it. */
  recvReady: Deferred<CallMedia>;
  /** Bumped by every join, so a join overtaken by a newer one stops quietly. */
  joinGeneration: number;
  /** callAccepted can overtake the callStaff ack on a busy server. */
  acceptedEarly: { sessionId: string; staffName: string } | null;
  /** Tracks besides camera and microphone (document camera, shared screen), sent again after every join until stopped. */
  extras: ExtraTrack[];
  /** Joins made because the media path broke (ICE could not be restarted); capped per call. */
  mediaRejoins: number;
  /**
   * Staff: the socket to the server node that holds this call's media, when that is not the
   * node this session is connected to. Every request of the call goes through it.
   */
  remote: SessionConnection | null;
  /** Kiosk: `remote` is a node that took the call over after this session's own node stopped. */
  failedOver: boolean;
  /** Whether media ever got through; falls back to ICE over TCP, then gives up. */
  pathGuard: MediaPathGuard;
}

/** A track sent besides camera and microphone; `media` is the join it was last produced into. */
interface ExtraTrack {
  track: MediaStreamTrack;
  source: MediaSource;
  media: CallMedia | null;
  producerId: string | null;
}

/** A listener of onServerEvent(), attached to every socket that may carry the call. */
interface ServerEventSubscription {
  event: string;
  listener: (...args: unknown[]) => void;
  detach: (() => void)[];
}

/** Socket.IO's typed on()/off() cannot follow a generic event name. */
type LooseSocket = { on(event: string, listener: (...args: unknown[]) => void): void; off(event: string, listener: (...args: unknown[]) => void): void };

/** How long a finished call's socket to another node waits for its last answer before closing. */
const REMOTE_LINGER_MS = 5_000;
/** How long the first connection to the node holding an accepted call may take. */
const REMOTE_CONNECT_TIMEOUT_MS = 15_000;

/** A call whose transports broke this often is not worth another try. */
const MAX_MEDIA_REJOINS = 3;

/** Before the server has said otherwise (ServerInfo.media.noMediaTimeoutSeconds). */
const DEFAULT_NO_MEDIA_TIMEOUT_S = 15;

const NEW_CALL: CallInfo = { sessionId: null, peerName: null, peerLocation: null, queuePosition: null, answered: false };

/**
 * The browser side of a consultation: the signalling socket, the mediasoup Device and the
 * media of the current call. No UI; screens read getSnapshot() and listen to its events.
 */
export class CallSession extends CallSessionState {
  private readonly options: CallSessionOptions;
  private readonly connection: SessionConnection;
  private device: Device | null = null;
  private active: ActiveCall | null = null;
  /** Staff: 対応可能 (true) or 離席中, told to the server again after every reconnect. */
  private available: boolean | null = null;
  private readonly subscriptions = new Set<ServerEventSubscription>();
  /** Kiosk: the cluster's nodes, from the last ServerInfo. */
  private nodeUrls: readonly string[] = [];
  /** The state of this session's own socket, whatever socket the call runs on. */
  private homeState: ConnectionState = 'idle';
  private readonly failover = new NodeFailover({
    nodeUrls: () => this.nodeUrls,
    lostOrigin: () => (this.options.url ? new URL(this.options.url, window.location.href).origin : window.location.origin),
    needed: () => this.needsFailover(),
    attempt: (url) => this.continueOn(url),
  });

  constructor(options: CallSessionOptions) {
    super();
    this.options = options;
    this.connection = new SessionConnection({
      getToken: options.getToken,
      refreshToken: options.refreshToken,
      url: options.url,
      authPolicy: options.reconnectPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: Infinity }),
      onReady: () => this.prepare(),
      onStateChange: (state, error) => this.onConnectionState(state, error),
    });
    this.connection.socket.on('queueUpdated', (queue) => this.setQueue(queue));
    this.listenToCall(this.connection.socket);
  }

  /** Opens the socket; resolves once the server is known and the Device loaded. */
  connect(): Promise<ServerInfo> {
    return this.connection.connect();
  }

  /** Ends any call, closes the socket; the session cannot be used again. */
  close(): void {
    if (this.getSnapshot().connection === 'closed') return;
    if (this.active) void this.hangUp();
    this.connection.close();
  }

  /** Kiosk: ask for a specialist (walk-in). The call stays `calling` until callAccepted arrives. */
  callStaff(payload: CallStaffPayload = {}): Promise<CallStaffResult> {
    return this.queueCall(() => this.request('callStaff', payload));
  }

  /** Kiosk: a booked resident checks in with their code and waits like callStaff(). */
  checkIn(payload: CheckInPayload): Promise<CheckInResult> {
    return this.queueCall(() => this.request('checkIn', payload));
  }

  /** Kiosk: a request that belongs to no call in progress (heartbeat, the survey after a call). */
  sendKioskNotice<E extends KioskNoticeName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertReady('kiosk');
    return this.request(event, payload);
  }

  private async queueCall<T extends CallStaffResult>(ask: () => Promise<T>): Promise<T> {
    this.assertReady('kiosk');
    const call = this.beginCall(NEW_CALL, 'calling');
    let result: T;
    try {
      result = await ask();
    } catch (error) {
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      // The resident gave up before the server answered.
      void this.request('cancelCall', { sessionId: result.sessionId }).catch(() => undefined);
      return result;
    }
    this.updateCall(call, { sessionId: result.sessionId, queuePosition: result.queuePosition });
    logger.info('queued', { sessionId: result.sessionId, position: result.queuePosition });
    if (call.acceptedEarly?.sessionId === result.sessionId) this.onCallAccepted(call.acceptedEarly);
    return result;
  }

  /** Kiosk: stop waiting. Does nothing once the call has been answered. */
  async cancelCall(): Promise<void> {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'calling') return;
    const sessionId = call.info.sessionId;
    this.endCall(call, 'resident_left', 'local');
    if (!sessionId) return; // callStaff() cancels once its answer arrives
    try {
      await this.request('cancelCall', { sessionId });
    } catch (error) {
      // Accepted in the same instant: leave the room the specialist is about to open.
      logger.warn('cancel refused, hanging up instead', { sessionId, error });
      await this.request('hangUp', { sessionId }).catch(() => undefined);
    }
  }

  /**
   * Staff: 対応可能 or 離席中 on this console. The server tells waiting residents whether anyone
   * can answer; a console that is not connected says it when it is.
   */
  async setAvailability(available: boolean): Promise<void> {
    this.available = available;
    const { connection, serverInfo } = this.getSnapshot();
    if (connection === 'connected' && serverInfo?.role === 'staff') await this.request('setAvailability', { available });
  }

  /** Staff: fetch the waiting residents (the queue also arrives by queueUpdated). */
  async refreshQueue(): Promise<readonly QueueEntry[]> {
    this.assertReady('staff');
    const queue = await this.request('getQueue', {});
    this.setQueue(queue);
    return queue;
  }

  /**
   * Staff: take a waiting resident and join the call. Rejects with code ALREADY_TAKEN
   * when another specialist was faster.
   */
  async acceptCall(sessionId: string): Promise<AcceptCallResult> {
    this.assertReady('staff');
    const call = this.beginCall({ ...NEW_CALL, sessionId }, 'joining');
    let result: AcceptCallResult;
    try {
      result = await this.request('acceptCall', { sessionId });
    } catch (error) {
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      // Given up while the accept travelled; the home node passes this on to the holder if need be.
      void this.request('hangUp', { sessionId }).catch(() => undefined);
      return result;
    }
    this.updateCall(call, { peerName: result.kioskName, peerLocation: result.kioskLocation, answered: true });
    if (result.mediaNodeUrl) {
      try {
        await this.openRemote(call, result.mediaNodeUrl);
      } catch (error) {
        const callError = toCallError(error, ErrorCode.Unavailable);
        if (this.active === call) this.failCall(call, callError);
        throw callError;
      }
      if (this.active !== call) return result;
    }
    await this.join(call);
    return result;
  }

  /**
   * After a reload (or to find out how the call it knew of ended): the server's view of this
   * kiosk's or desk's live call, and for staff the last call still waiting for its outcome.
   */
  askResume(sessionId?: string): Promise<ResumeCallResult> {
    const { connection } = this.getSnapshot();
    if (connection !== 'connected') throw CallError.unavailable('not connected to the server');
    return this.request('resumeCall', sessionId ? { sessionId } : {});
  }

  /**
   * Goes back into a call the server still holds for us (from askResume): a waiting kiosk
   * waits on, an answered call is joined again with fresh transports.
   */
  async resumeCall(live: ResumableCall): Promise<void> {
    const role = this.getSnapshot().serverInfo?.role;
    if (role !== 'kiosk' && role !== 'staff') throw CallError.invalidState('only a kiosk or a desk resumes a call');
    const answered = live.state === 'active';
    const info: CallInfo = { sessionId: live.sessionId, peerName: live.peerName, peerLocation: live.peerLocation, queuePosition: live.queuePosition, answered };
    const call = this.beginCall(info, answered ? 'joining' : 'calling');
    logger.info('resuming a call after a reload', { sessionId: live.sessionId, state: live.state });
    if (!answered) return;
    if (live.mediaNodeUrl) {
      try {
        await this.openRemote(call, live.mediaNodeUrl);
      } catch (error) {
        const callError = toCallError(error, ErrorCode.Unavailable);
        if (this.active === call) this.failCall(call, callError);
        throw callError;
      }
      if (this.active !== call) return;
    }
    await this.join(call);
  }

  /** Guest: join the one call the link was made for (no queue, no accept). */
  async joinAsGuest(sessionId: string): Promise<void> {
    this.assertReady('guest');
    const call = this.beginCall({ ...NEW_CALL, sessionId, answered: true }, 'joining');
    await this.join(call);
  }

  /**
   * Either side: end the call (a kiosk still waiting cancels instead). Staff who answered and
   * found nobody at the kiosk pass `residentAbsent`: the record says so (`resident_absent`).
   */
  async hangUp(options: { residentAbsent?: boolean } = {}): Promise<void> {
    const call = this.active;
    if (!call) return;
    if (this.getSnapshot().callState === 'calling') return this.cancelCall();
    const sessionId = call.info.sessionId;
    const absent = options.residentAbsent === true && this.getSnapshot().serverInfo?.role !== 'kiosk';
    // The same reasons the server records for a hang-up by each side.
    const reason: EndReason = absent ? 'resident_absent' : this.getSnapshot().serverInfo?.role === 'kiosk' ? 'resident_left' : 'staff_ended';
    // Sent before teardown so the packet leaves even if the socket closes right after.
    const pending = sessionId ? this.hangUpRequest(call, sessionId, absent) : null;
    this.endCall(call, reason, 'local', pending);
    try {
      await pending;
    } catch (error) {
      logger.warn('hangUp not acknowledged', { sessionId, error });
    }
  }

  // --- Staff console: messages, snapshots, pointer, quality, transfer, screen sharing ---

  /** Staff: an in-call request of the console. The payload names its session, so a quality report may follow the call. */
  sendStaffRequest<E extends StaffCallRequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertReady('staff');
    return this.callRequest(this.active, event, payload);
  }

  /**
   * Listens to an in-call notification as it arrives from the connection carrying the call
   * (the caller filters by sessionId); returns the unsubscribe. A staff member's notifications
   * reach all their sockets, so those of the other one are ignored rather than seen twice.
   */
  onServerEvent<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    const subscription: ServerEventSubscription = { event, listener: listener as (...args: unknown[]) => void, detach: [] };
    this.subscriptions.add(subscription);
    this.attachSubscription(subscription, this.connection.socket);
    const remote = this.active?.remote;
    if (remote) this.attachSubscription(subscription, remote.socket);
    return () => {
      this.subscriptions.delete(subscription);
      for (const detach of subscription.detach) detach();
      subscription.detach = [];
    };
  }

  private attachSubscription(subscription: ServerEventSubscription, socket: SignallingSocket): void {
    const loose = socket as unknown as LooseSocket;
    const handler = (...args: unknown[]): void => {
      if (this.callSocket(this.active) === socket) subscription.listener(...args);
    };
    loose.on(subscription.event, handler);
    subscription.detach.push(() => loose.off(subscription.event, handler));
  }

  /** Staff: hand the resident to another department's queue; the call ends here without a hang-up. */
  async transferCall(departmentId: string): Promise<TransferResult> {
    this.assertReady('staff');
    const call = this.active;
    const sessionId = call?.info.sessionId;
    if (!call || !sessionId) throw CallError.invalidState('no call to transfer');
    const result = await this.callRequest(call, 'transferCall', { sessionId, departmentId });
    this.endCall(call, 'transferred', 'local');
    return result;
  }

  /**
   * Sends an extra track (staff: a shared screen) into the current call, now and after every
   * re-join (a reconnect, a media recovery), until stopExtraTrack(). The caller owns the track.
   */
  async startExtraTrack(track: MediaStreamTrack, source: MediaSource): Promise<void> {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'inCall') throw CallError.invalidState('not in a call');
    await this.startExtra(call, track, source);
  }

  /** Stops sending a track given to startExtraTrack(); does nothing once the call is gone. */
  async stopExtraTrack(track: MediaStreamTrack): Promise<void> {
    const call = this.active;
    const extra = call?.extras.find((e) => e.track === track);
    if (call && extra) await this.stopExtra(call, extra);
  }

  async getMediaStats(): Promise<CallMediaStats> {
    const media = this.active?.media;
    if (!media) return { send: null, recv: null };
    const [send, recv] = await Promise.all([media.getStats('send'), media.getStats('recv')]);
    return { send, recv };
  }

  /**
   * The connection check: sends `track` to the SFU and back over UDP only or TCP only, outside
   * any call. Resolves with what was measured; never while a call is in progress.
   */
  async checkMediaPath(protocol: 'udp' | 'tcp', track: MediaStreamTrack): Promise<MediaPathResult> {
    const { connection, serverInfo } = this.getSnapshot();
    if (connection !== 'connected' || !this.device || !serverInfo) throw CallError.unavailable('not connected to the server');
    if (this.active) throw CallError.invalidState('a call is in progress');
    return checkMediaPath({
      socket: this.connection.socket,
      device: this.device,
      protocol,
      track,
      connectTimeoutMs: serverInfo.media.noMediaTimeoutSeconds * 1000,
      requestTimeoutMs: this.options.requestTimeoutMs,
    });
  }

  // --- Kiosk: document camera, in-call requests, transfer ---

  /** Kiosk: an in-call request (a message, the answer to a snapshot request). */
  sendKioskCallRequest<E extends KioskCallRequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertReady('kiosk');
    return this.request(event, payload);
  }

  /** Kiosk: sends the document camera (source 'document') now and after every re-join, until stopDocument(). */
  async startDocument(track: MediaStreamTrack): Promise<void> {
    const call = this.active;
    if (!call || !call.info.answered) throw CallError.invalidState('not in a call');
    await this.startExtra(call, track, 'document');
  }

  /** Kiosk: stops sending the document camera; the caller stops the track. */
  async stopDocument(): Promise<void> {
    const call = this.active;
    const document = call?.extras.find((e) => e.source === 'document');
    if (call && document) await this.stopExtra(call, document);
  }

  /** One track per source: a second document camera or screen replaces the first. */
  private async startExtra(call: ActiveCall, track: MediaStreamTrack, source: MediaSource): Promise<void> {
    const previous = call.extras.find((e) => e.source === source);
    if (previous) await this.stopExtra(call, previous);
    const extra: ExtraTrack = { track, source, media: null, producerId: null };
    call.extras.push(extra);
    if (call.media && this.getSnapshot().callState === 'inCall') await this.produceExtraInto(call, extra, call.media);
  }

  private async stopExtra(call: ActiveCall, extra: ExtraTrack): Promise<void> {
    call.extras = call.extras.filter((e) => e !== extra);
    if (extra.producerId) await extra.media?.closeProducer(extra.producerId).catch(() => undefined);
  }

  private async produceExtraInto(call: ActiveCall, extra: ExtraTrack, media: CallMedia): Promise<void> {
    // A join and startExtra() may both get here for the same transports.
    if (extra.media === media) return;
    extra.media = media;
    extra.producerId = null;
    // The document camera keeps its resolution for small print; other extras are plain tracks.
    const producerId = extra.source === 'document' ? await media.produceDocument(extra.track) : await media.produceTrack(extra.track, extra.source);
    if (call.extras.includes(extra) && extra.media === media) extra.producerId = producerId;
    else await media.closeProducer(producerId).catch(() => undefined);
  }

  /**
   * Kiosk: staff moved the resident to another department. The call becomes a queued one
   * again under the new session id: media closed, cameras released, no new check-in.
   */
  private onTransferred(result: TransferResult): void {
    const call = this.active;
    if (!call || !this.isCurrent(result.sessionId)) return;
    logger.info('transferred', { sessionId: result.sessionId, newSessionId: result.newSessionId });
    call.joinGeneration += 1; // a join still in flight stops quietly
    call.media?.close();
    call.media = null;
    call.recvReady.reject(CallError.invalidState('call transferred'));
    call.recvReady = createDeferred();
    call.acceptedEarly = null;
    call.extras = [];
    call.pathGuard.stop();
    call.pathGuard = this.createPathGuard(() => (this.active === call ? call : null));
    void call.localMedia?.then(({ stream }) => stopStream(stream));
    call.localMedia = null;
    this.setLocalStream(null);
    this.updateCall(call, { sessionId: result.newSessionId, peerName: null, answered: false, queuePosition: result.queuePosition });
    this.patch({ remoteTracks: [], peers: [], media: EMPTY_SNAPSHOT.media, iceProtocol: 'any' });
    this.setCallState('calling', result.newSessionId);
    this.safeEmit('transferred', result);
  }

  private async prepare(): Promise<ServerInfo> {
    const info = await this.request('getServerInfo', {});
    this.device ??= await (this.options.createDevice ?? (async () => (await loadMediasoupClient()).Device.factory()))();
    if (!this.device.loaded) {
      await this.device.load({ routerRtpCapabilities: toRtpCapabilities(info.routerRtpCapabilities) });
    }
    this.patch({ serverInfo: info });
    if (info.nodeUrls) this.nodeUrls = info.nodeUrls;
    if (info.role === 'staff') {
      this.request('getQueue', {}).then(
        (queue) => this.setQueue(queue),
        (error: unknown) => this.reportError(toCallError(error)),
      );
      if (this.available !== null) {
        this.request('setAvailability', { available: this.available }).catch((error: unknown) => logger.warn('availability not sent', { error }));
      }
    }
    return info;
  }

  private onConnectionState(state: ConnectionState, error?: CallError): void {
    this.homeState = state;
    if (state === 'reconnecting' && this.needsFailover()) this.failover.arm();
    else if (state === 'connected' || state === 'closed') this.failover.disarm();
    // A call that moved to another node shows that node's connection until it ends.
    if (this.active?.failedOver && state !== 'closed') return;
    const wasConnected = this.getSnapshot().connection === 'connected';
    this.setConnection(state, error);
    // A call carried by another node's socket resumes when that socket comes back.
    if (state === 'connected' && !wasConnected && this.active && !this.active.remote) void this.resume(this.active);
  }

  /**
   * Staff: the resident's kiosk is connected to another server node, which holds the call's
   * media and state. The call runs over a socket of its own to that node, with the same token.
   */
  private async openRemote(call: ActiveCall, url: string, connectTimeoutMs = REMOTE_CONNECT_TIMEOUT_MS): Promise<void> {
    logger.info('the call is held by another server node', { sessionId: call.info.sessionId, url });
    let everConnected = false;
    const remote: SessionConnection = new SessionConnection({
      getToken: this.options.getToken,
      refreshToken: this.options.refreshToken,
      url,
      authPolicy: this.options.reconnectPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
      onReady: () => request(remote.socket, 'getServerInfo', {}, this.options.requestTimeoutMs),
      onStateChange: (state, error) => {
        if (call.remote !== remote || this.active !== call) return;
        if (call.failedOver) this.setConnection(state === 'failed' ? 'reconnecting' : state);
        if (state === 'connected') {
          if (everConnected) void this.resume(call);
          everConnected = true;
        } else if (state === 'failed') {
          this.failCall(call, error ?? CallError.unavailable('lost the connection to the server holding the call'));
        }
      },
    });
    call.remote = remote;
    this.listenToCall(remote.socket);
    remote.socket.on('authExpiring', () => void this.renewSocketAuth(remote.socket));
    for (const subscription of this.subscriptions) this.attachSubscription(subscription, remote.socket);
    // Socket.IO retries an unreachable address forever; the resident is waiting, so give up
    // after a while with an error the console can show.
    let timer: number | undefined;
    const unreachable = new Promise<never>((_, reject) => {
      timer = window.setTimeout(
        () => reject(CallError.unavailable('could not reach the server holding this call; reload the page and try again')),
        connectTimeoutMs,
      );
    });
    try {
      await Promise.race([remote.connect(), unreachable]);
    } finally {
      window.clearTimeout(timer);
    }
  }

  /** Kiosk: nodes may have joined the cluster since this socket connected; a call is when it matters. */
  private refreshNodeUrls(call: ActiveCall): void {
    if (call.failedOver || this.getSnapshot().serverInfo?.role !== 'kiosk') return;
    this.request('getServerInfo', {}).then(
      (info) => {
        if (info.nodeUrls) this.nodeUrls = info.nodeUrls;
      },
      () => undefined,
    );
  }

  /** Kiosk: in an answered call whose own socket is down (its node may have stopped). */
  private needsFailover(): boolean {
    const call = this.active;
    return (
      call !== null && !call.failedOver && call.info.answered && call.info.sessionId !== null && this.homeState !== 'connected' && this.getSnapshot().serverInfo?.role === 'kiosk'
    );
  }

  /**
   * Kiosk: asks another node to go on with the call (it takes the call over once the lost
   * node's lease has run out) and joins it there with fresh transports.
   */
  private async continueOn(url: string): Promise<FailoverOutcome> {
    const call = this.active;
    const sessionId = call?.info.sessionId;
    if (!call || !sessionId || !this.needsFailover()) return 'ended';
    call.failedOver = true;
    const giveUp = (): FailoverOutcome => {
      if (this.active === call && call.remote) {
        call.remote.close();
        call.remote = null;
        call.failedOver = false;
      }
      return 'not_here';
    };
    try {
      await this.openRemote(call, url, FAILOVER_CONNECT_TIMEOUT_MS);
    } catch {
      return giveUp();
    }
    const known = await this.callRequest(call, 'resumeCall', { sessionId }).catch(() => null);
    if (this.active !== call) return 'ended';
    if (known?.live?.sessionId === sessionId && !known.live.mediaNodeUrl) {
      logger.info('the call goes on through another server node', { sessionId, url });
      this.setConnection('connected');
      await this.join(call).catch(() => undefined);
      return 'resumed';
    }
    if (known?.ended) {
      this.endCall(call, known.ended.reason, 'remote');
      return 'ended';
    }
    return giveUp();
  }

  /**
   * Staff: the node that held the call stopped and another took it over. Ask this session's
   * own node where the call is now and join it there.
   */
  private async followMovedCall(call: ActiveCall): Promise<void> {
    const sessionId = call.info.sessionId;
    if (!sessionId || this.getSnapshot().serverInfo?.role !== 'staff') return;
    const known = await this.request('resumeCall', { sessionId }).catch(() => null);
    if (this.active !== call) return;
    if (known?.ended) return this.endCall(call, known.ended.reason, 'remote');
    if (known?.live?.sessionId !== sessionId) return;
    logger.info('the call moved to another server node', { sessionId, url: known.live.mediaNodeUrl });
    const old = call.remote;
    call.remote = null;
    old?.close();
    if (known.live.mediaNodeUrl) {
      try {
        await this.openRemote(call, known.live.mediaNodeUrl);
      } catch (error) {
        if (this.active === call) this.failCall(call, toCallError(error, ErrorCode.Unavailable));
        return;
      }
      if (this.active !== call) return;
    }
    await this.join(call).catch(() => undefined);
  }

  /**
   * The socket came back during a call. The server keeps our place for a grace period:
   * a waiting kiosk asks again and gets the same session; a peer in a call joins again
   * and the server replaces its old transports.
   */
  private async resume(call: ActiveCall): Promise<void> {
    const { sessionId } = call.info;
    if (!sessionId) return; // callStaff() is still waiting for its own answer
    logger.info('resuming after reconnect', { sessionId, callState: this.getSnapshot().callState });
    // The call may have ended while we were away (a server restart, a stopped node): end it
    // here with the reason the server recorded, so the screen says what the record says.
    const known = await this.request('resumeCall', { sessionId }).catch(() => null);
    if (this.active !== call) return;
    if (known?.ended) return this.endCall(call, known.ended.reason, 'remote');
    if (this.getSnapshot().callState !== 'calling') {
      await this.join(call).catch(() => undefined);
      return;
    }
    try {
      // Also for a checked-in booking: the server hands back the kiosk's open session
      // whichever request queued it (checkIn itself refuses a kiosk that has one).
      const result = await this.request('callStaff', {});
      if (this.active === call) this.updateCall(call, { sessionId: result.sessionId, queuePosition: result.queuePosition });
    } catch (error) {
      if (this.active !== call) return;
      if (toCallError(error).code !== ErrorCode.InvalidState) return this.failCall(call, toCallError(error));
      // Answered while we were away: the callAccepted notification went to the old socket.
      this.updateCall(call, { answered: true, queuePosition: null });
      await this.join(call).catch(() => undefined);
    }
  }

  /** The server closes a socket whose token lapses: hand it a fresh one so the call goes on. */
  private async renewSocketAuth(socket: SignallingSocket): Promise<void> {
    try {
      await this.options.refreshToken?.();
      const token = this.options.getToken();
      if (token && socket.connected) await request(socket, 'renewAuth', { token }, this.options.requestTimeoutMs);
    } catch {
      // If this fails the server closes the socket; reconnecting asks for a token again.
    }
  }

  /** The notifications of a call, from the home socket or from a socket to the node holding the call. */
  private listenToCall(socket: SignallingSocket): void {
    if (socket === this.connection.socket) {
      socket.on('authExpiring', () => void this.renewSocketAuth(socket));
    }
    socket.on('callAccepted', (payload) => this.onCallAccepted(payload));
    socket.on('newConsumer', (payload, ack) => void this.onNewConsumer(payload, ack));
    socket.on('consumerClosed', ({ sessionId, consumerId }) => {
      if (this.isCurrent(sessionId)) this.active?.media?.closeConsumer(consumerId);
    });
    socket.on('peerJoined', ({ sessionId, peer }) => {
      if (!this.isCurrent(sessionId)) return;
      this.patch({ peers: [...this.getSnapshot().peers.filter((p) => p.role !== peer.role), peer] });
      this.safeEmit('peerJoined', peer);
    });
    socket.on('peerLeft', ({ sessionId, role }) => {
      if (!this.isCurrent(sessionId)) return;
      this.patch({ peers: this.getSnapshot().peers.filter((p) => p.role !== role) });
      this.safeEmit('peerLeft', role);
    });
    socket.on('transferred', (result) => this.onTransferred(result));
    socket.on('callMoved', ({ sessionId }) => {
      if (this.active && this.isCurrent(sessionId)) void this.followMovedCall(this.active);
    });
    // From either socket: the call may have ended while the one carrying it was down.
    socket.on('callEnded', ({ sessionId, reason, failedRoles }) => {
      if (this.active && this.isCurrent(sessionId)) this.endCall(this.active, reason, 'remote', null, failedRoles);
    });
  }

  private onCallAccepted(payload: { sessionId: string; staffName: string }): void {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'calling') return;
    if (call.info.sessionId === null) {
      call.acceptedEarly = payload;
      return;
    }
    if (call.info.sessionId !== payload.sessionId) return;
    this.updateCall(call, { peerName: payload.staffName, answered: true, queuePosition: null });
    this.safeEmit('callAccepted', payload);
    this.join(call).catch(() => undefined); // join reports its own failures
  }

  private async onNewConsumer(payload: ConsumerOptions & { sessionId: string }, ack: AckCallback<null>): Promise<void> {
    const call = this.active;
    if (!call || call.info.sessionId !== payload.sessionId) {
      ack({ ok: false, error: { code: ErrorCode.InvalidState, message: 'not in this call' } });
      return;
    }
    try {
      // newConsumer may beat the joinRoom answer to us; consume once the transport exists.
      const media = await call.recvReady.promise;
      const { sessionId: _sessionId, ...options } = payload;
      await media.consume(options);
      ack({ ok: true, data: null });
    } catch (error) {
      const callError = toCallError(error, ErrorCode.MediaError);
      logger.warn('consume failed', { consumerId: payload.consumerId, error: callError });
      ack({ ok: false, error: { code: ErrorCode.MediaError, message: callError.message } });
    }
  }

  /** Joins the room (again, after a reconnect): fresh transports, the same local tracks. */
  private async join(call: ActiveCall): Promise<void> {
    const sessionId = call.info.sessionId;
    const device = this.device;
    if (!sessionId || !device) throw CallError.invalidState('join without a session');
    const generation = ++call.joinGeneration;
    const stale = (): boolean => this.active !== call || call.joinGeneration !== generation;
    if (this.getSnapshot().callState !== 'inCall') this.setCallState('joining', sessionId);
    call.media?.close();
    call.media = null;
    call.recvReady = createDeferred();
    this.patch({ media: EMPTY_SNAPSHOT.media });
    call.localMedia ??= this.acquireMedia();
    try {
      const rtpCapabilities = fromRtpCapabilities(device.rtpCapabilities);
      const iceProtocol = call.pathGuard.protocol;
      const joined = await this.callRequest(call, 'joinRoom', { sessionId, rtpCapabilities, ...(iceProtocol === 'tcp' ? { iceProtocol } : {}) });
      if (stale()) return;
      this.patch({ peers: joined.peers });
      const media = this.createMedia(call, joined.sendTransport, joined.recvTransport);
      call.media = media;
      call.recvReady.resolve(media);
      call.pathGuard.watch();
      const { stream, error } = await call.localMedia;
      if (stale()) return;
      this.setLocalStream(stream);
      if (error && generation === 1) this.reportError(error);
      this.setCallState('inCall', sessionId);
      this.refreshNodeUrls(call);
      if (stream) await media.produceLocal(stream);
      for (const extra of call.extras) if (!stale()) await this.produceExtraInto(call, extra, media);
    } catch (error) {
      const callError = toCallError(error, ErrorCode.MediaError);
      if (stale()) return;
      if (!this.callSocket(call).connected) {
        logger.warn('join interrupted by a disconnect; resuming on reconnect', { sessionId });
        return;
      }
      this.failCall(call, callError);
      throw callError;
    }
  }

  private createMedia(call: ActiveCall, sendTransport: TransportOptions, recvTransport: TransportOptions): CallMedia {
    const sessionId = call.info.sessionId ?? '';
    const media = new CallMedia({
      device: this.device as Device,
      sendTransport,
      recvTransport,
      icePolicy: new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
      signalling: createMediaSignalling(this.callSocket(call), sessionId, this.options.requestTimeoutMs),
    });
    media.on('remoteTrackAdded', (remote) => {
      this.patch({ remoteTracks: [...this.getSnapshot().remoteTracks, remote] });
      this.safeEmit('remoteTrackAdded', remote);
    });
    media.on('remoteTrackRemoved', (remote) => {
      this.patch({ remoteTracks: this.getSnapshot().remoteTracks.filter((r) => r.consumerId !== remote.consumerId) });
      this.safeEmit('remoteTrackRemoved', remote);
    });
    media.on('transportStateChanged', (direction, state) => {
      if (call.media !== media) return;
      this.patch({ media: { ...this.getSnapshot().media, [direction]: state } });
      this.safeEmit('transportStateChanged', direction, state);
      call.pathGuard.onState(this.getSnapshot().media);
    });
    media.on('failed', (error) => {
      if (call.media === media && this.active === call) this.rejoinOrFail(call, error);
    });
    return media;
  }

  /**
   * The transports are gone (ICE restart refused or exhausted) but the call may not be: join
   * the same consultation again for fresh transports. With the socket down, resume() does
   * that once it is back.
   */
  private rejoinOrFail(call: ActiveCall, error: CallError): void {
    if (!this.callSocket(call).connected) {
      logger.warn('media failed while offline; rejoining on reconnect', { sessionId: call.info.sessionId });
      return;
    }
    if (call.mediaRejoins >= MAX_MEDIA_REJOINS) return this.failCall(call, error);
    call.mediaRejoins += 1;
    call.pathGuard.expectFreshPath();
    logger.warn('media failed; joining the room again', { sessionId: call.info.sessionId, attempt: call.mediaRejoins, error });
    this.join(call).catch(() => undefined); // join reports its own failures
  }

  private createPathGuard(call: ActiveCall | (() => ActiveCall | null)): MediaPathGuard {
    const current = (): ActiveCall | null => (typeof call === 'function' ? call() : call);
    return new MediaPathGuard({
      timeoutMs: () => (this.getSnapshot().serverInfo?.media.noMediaTimeoutSeconds ?? DEFAULT_NO_MEDIA_TIMEOUT_S) * 1000,
      onTryTcp: () => {
        const target = current();
        if (!target || this.active !== target) return;
        logger.warn('no media over UDP; joining again with ICE over TCP', { sessionId: target.info.sessionId });
        this.patch({ iceProtocol: 'tcp' });
        this.join(target).catch(() => undefined); // join reports its own failures
      },
      onGiveUp: () => {
        const target = current();
        if (target && this.active === target) void this.giveUpOnMedia(target);
      },
    });
  }

  /**
   * Neither UDP nor TCP carried media. The server looks at both sides' transports, ends the
   * call as media_failed and names who had none; if it cannot be asked, this side is the one.
   */
  private async giveUpOnMedia(call: ActiveCall): Promise<void> {
    const { sessionId } = call.info;
    const ownRole = this.getSnapshot().serverInfo?.role ?? 'kiosk';
    logger.error('no media over UDP nor TCP; ending the call', { sessionId });
    if (!sessionId) return this.endCall(call, 'media_failed', 'local', null, [ownRole]);
    try {
      const { failedRoles } = await this.callRequest(call, 'reportMediaFailure', { sessionId });
      // The server sees media flowing after all (it connected in the last moment): carry on.
      if (failedRoles.length === 0) return;
      this.endCall(call, 'media_failed', 'local', null, failedRoles);
    } catch (error) {
      // The other side may have reported first and the call is gone already.
      logger.warn('media failure not acknowledged', { sessionId, error });
      this.endCall(call, 'media_failed', 'local', null, [ownRole]);
    }
  }

  /** Something broke for good: end the call here and tell the server, if it can hear us. */
  private failCall(call: ActiveCall, error: CallError): void {
    const { sessionId } = call.info;
    logger.error('call failed', { sessionId, error });
    this.reportError(error);
    if (sessionId && error.code === ErrorCode.NotFound) return this.endAsRecorded(call, sessionId);
    const pending = sessionId ? this.hangUpRequest(call, sessionId).catch(() => undefined) : undefined;
    this.endCall(call, 'network_lost', 'local', pending);
  }

  /**
   * The server no longer holds the call (it restarted, or its node stopped): end it with the
   * reason the record gives, so the screen says what the record says.
   */
  private endAsRecorded(call: ActiveCall, sessionId: string): void {
    this.request('resumeCall', { sessionId }).then(
      ({ ended }) => this.endCall(call, ended?.reason ?? 'network_lost', ended ? 'remote' : 'local'),
      () => this.endCall(call, 'network_lost', 'local'),
    );
  }

  private beginCall(info: CallInfo, state: 'calling' | 'joining'): ActiveCall {
    if (this.active) throw CallError.invalidState('a call is already in progress');
    const call: ActiveCall = {
      info,
      media: null,
      localMedia: null,
      recvReady: createDeferred(),
      joinGeneration: 0,
      acceptedEarly: null,
      extras: [],
      mediaRejoins: 0,
      remote: null,
      failedOver: false,
      pathGuard: this.createPathGuard(() => (this.active === call ? call : null)),
    };
    this.active = call;
    this.patch({ call: info, lastError: null });
    this.setCallState(state, info.sessionId);
    return call;
  }

  private updateCall(call: ActiveCall, changes: Partial<CallInfo>): void {
    call.info = { ...call.info, ...changes };
    if (this.active === call) this.patch({ call: call.info });
  }

  /** `lastRequest`: an answer still awaited on the call's own socket (closed once it arrives). */
  private endCall(
    call: ActiveCall,
    reason: EndReason,
    initiator: 'local' | 'remote',
    lastRequest?: Promise<unknown> | null,
    failedRoles: PeerRole[] = [],
  ): void {
    if (this.active !== call) return;
    const { sessionId, answered } = call.info;
    logger.info('call ended', { sessionId, reason, initiator });
    this.discardCall(call, lastRequest);
    this.safeEmit('callEnded', { sessionId, reason, initiator, answered, failedRoles });
  }

  /** Releases everything of the call; no trace of it stays in the snapshot. */
  private discardCall(call: ActiveCall, lastRequest?: Promise<unknown> | null): void {
    if (this.active !== call) return;
    this.active = null;
    call.pathGuard.stop();
    if (call.remote) this.retireRemote(call.remote, lastRequest);
    // The screen shows this session's own connection again.
    if (call.failedOver) this.setConnection(this.homeState);
    call.recvReady.reject(CallError.invalidState('call ended'));
    call.media?.close();
    // Also stops a camera that opens only after the call is gone.
    void call.localMedia?.then(({ stream }) => stopStream(stream));
    this.setLocalStream(null);
    this.patch({ call: null, remoteTracks: [], peers: [], media: EMPTY_SNAPSHOT.media, iceProtocol: 'any' });
    this.setCallState('idle', call.info.sessionId);
  }

  private retireRemote(remote: SessionConnection, lastRequest: Promise<unknown> | null | undefined): void {
    let timer: number | undefined;
    const linger = new Promise<void>((resolve) => {
      timer = window.setTimeout(resolve, REMOTE_LINGER_MS);
    });
    void Promise.race([lastRequest ?? Promise.resolve(), linger])
      .catch(() => undefined)
      .finally(() => {
        window.clearTimeout(timer);
        remote.close();
      });
  }

  private acquireMedia(): Promise<LocalMedia> {
    return (this.options.acquireMedia ?? acquireLocalMedia)();
  }

  /** The socket that carries this call: the home one, unless another node holds the call. */
  private callSocket(call: ActiveCall | null): SignallingSocket {
    return call?.remote?.socket ?? this.connection.socket;
  }

  /**
   * While the socket to the node holding the call is down, the home node passes the hang-up
   * on, so the resident is not left waiting for the grace period.
   */
  private hangUpRequest(call: ActiveCall, sessionId: string, residentAbsent = false): Promise<null> {
    const remoteDown = call.remote !== null && !call.remote.socket.connected;
    const payload = residentAbsent ? { sessionId, reason: 'resident_absent' as const } : { sessionId };
    return remoteDown ? this.request('hangUp', payload) : this.callRequest(call, 'hangUp', payload);
  }

  private callRequest<E extends RequestName>(call: ActiveCall | null, event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    return request(this.callSocket(call), event, payload, this.options.requestTimeoutMs);
  }

  private isCurrent(sessionId: string): boolean {
    return this.active !== null && this.active.info.sessionId === sessionId;
  }

  private assertReady(role: PeerRole): void {
    const { connection, serverInfo } = this.getSnapshot();
    if (connection !== 'connected') throw CallError.unavailable('not connected to the server');
    if (serverInfo?.role !== role) throw new CallError(ErrorCode.Forbidden, `only a ${role} may do this`);
  }

  private request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    return request(this.connection.socket, event, payload, this.options.requestTimeoutMs);
  }
}
