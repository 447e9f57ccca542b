import type { Device } from 'mediasoup-client';
import type { AckCallback } from '@madoguchi/contract/ack';
import type { EndReason } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { ConsumerOptions, MediaSource, PeerRole } from '@madoguchi/contract/media-types';
import type { ServerInfo, ServerToClientEvents } from '@madoguchi/contract/signalling-events';
import { CallError, toCallError } from '../call-error';
import { CallClientState } from '../call-client-state';
import type { CallInfo, CallMediaStats, CallClientOptions, CallSnapshot, ConnectionState } from '../call-types';
import { EMPTY_SNAPSHOT } from '../empty-snapshot';
import { DeviceLoader } from '../device-loader';
import { joinTuning } from '../join-tuning';
import { acquireLocalMedia } from '../local-media';
import { createLogger } from '../logger';
import { DefaultReconnectPolicy } from '../reconnect-policy';
import { SignallingConnection } from '../signalling-connection';
import { request } from '../signalling';
import type { RequestName, RequestPayload, RequestResult, SignallingSocket } from '../signalling';
import { newActiveCall, releaseCallMedia } from './active-call';
import type { ActiveCall } from './active-call';
import type { CallEvent } from './call-state';
import { callTransition } from './call-state';
import { startExtra, stopExtra } from './extra-tracks';
import { HolderLink } from './holder-link';
import { RoomJoin } from './room-join';
import { ServerEvents } from './server-events';

const logger = createLogger('call-client');

/** sendFirst never holds the other side's media back longer than this (a camera that hangs). */
const SEND_FIRST_MAX_WAIT_MS = 1_000;

export const NEW_CALL: CallInfo = { consultationId: null, peerName: null, peerLocation: null, queuePosition: null, answered: false };

/**
 * The browser side of a consultation's call: the signalling socket, the mediasoup Device and
 * the media of the current call. No UI; screens read getSnapshot() and listen to its events.
 * Each role has its own subclass (KioskCallClient, StaffCallClient, GuestCallClient) with only
 * the requests that role may make, so a screen cannot ask for another role's by mistake.
 */
export abstract class CallClient extends CallClientState {
  /** The role this client is for; a server that says otherwise at connection is refused. */
  protected abstract readonly role: PeerRole;
  protected readonly options: CallClientOptions;
  protected readonly connection: SignallingConnection;
  protected active: ActiveCall | null = null;
  private readonly devices: DeviceLoader;
  /** The state of this client's own socket, whatever socket the call runs on. */
  protected homeState: ConnectionState = 'idle';
  private readonly serverEvents: ServerEvents;
  protected readonly room: RoomJoin;
  /**
   * While this client's own node is down: the link to the surviving node that carried the call
   * it moved, kept after that call ended so the screen goes on working through it (requests,
   * the next call) until the own node is back.
   */
  private standIn: HolderLink | null = null;

  constructor(options: CallClientOptions) {
    super();
    this.options = options;
    this.devices = new DeviceLoader(options.createDevice);
    this.connection = new SignallingConnection({
      getToken: options.getToken,
      refreshToken: options.refreshToken,
      url: options.url,
      authPolicy: options.reconnectPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: Infinity }),
      onReady: () => this.prepare(),
      onStateChange: (state, error) => this.onConnectionState(state, error),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.serverEvents = new ServerEvents((socket) => this.callSocket(this.active) === socket);
    this.serverEvents.addSocket(this.connection.socket);
    this.room = new RoomJoin({
      loadDevice: () => this.loadDevice(),
      isActive: (call) => this.active === call,
      snapshot: () => this.getSnapshot(),
      patch: (changes) => this.patch(changes),
      dispatch: (event, consultationId) => this.dispatch(event, consultationId),
      setLocalStream: (stream) => this.setLocalStream(stream),
      reportError: (error) => this.reportError(error),
      emit: (event, ...args) => this.safeEmit(event, ...args),
      acquireMedia: () => (this.options.acquireMedia ?? acquireLocalMedia)(),
      callSocket: (call) => this.callSocket(call),
      callRequest: (call, event, payload) => this.callRequest(call, event, payload),
      failCall: (call, error) => this.failCall(call, error),
      endCall: (call, reason, initiator, lastRequest, failedRoles) => this.endCall(call, reason, initiator, lastRequest, failedRoles),
      requestTimeoutMs: options.requestTimeoutMs,
      joined: (call) => {
        // Back in the call with the other side: whatever was moving has arrived.
        if (this.getSnapshot().peers.some((peer) => peer.role !== 'guest')) this.patch({ failover: null });
        this.onJoined(call);
      },
    });
    this.listenToCall(this.connection.socket);
    this.connection.socket.on('authExpiring', () => void this.renewSocketAuth(this.connection.socket));
  }

  /** Opens the socket; resolves once the server is known and the Device loaded. */
  connect(): Promise<ServerInfo> {
    return this.connection.connect();
  }

  /**
   * Loads the mediasoup Device in the background if it is not yet (deferDevice): a kiosk calls
   * this when a resident starts, long before a call needs it. Failures are retried by the call.
   */
  warmUp(): void {
    if (this.getSnapshot().serverInfo) this.loadDevice().catch((error: unknown) => logger.warn('media library not loaded yet', { error }));
  }

  /** Ends any call, closes the socket; the client cannot be used again. */
  close(): void {
    if (this.getSnapshot().connection === 'closed') return;
    if (this.active) void this.hangUpCall(false);
    this.dropStandIn();
    this.connection.close();
  }

  /**
   * Listens to an in-call notification as it arrives from the connection carrying the call
   * (the caller filters by consultationId); returns the unsubscribe.
   */
  onServerEvent<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    return this.serverEvents.on(event, listener);
  }

  async getMediaStats(): Promise<CallMediaStats> {
    const media = this.active?.media;
    if (!media) return { send: null, recv: null };
    const [send, recv] = await Promise.all([media.getStats('send'), media.getStats('recv')]);
    return { send, recv };
  }

  // --- For the role clients ---

  /**
   * Ends the call (a kiosk still waiting cancels instead). `residentAbsent`: staff answered and
   * found nobody at the kiosk; the record says so.
   */
  protected async hangUpCall(residentAbsent: boolean): Promise<void> {
    const call = this.active;
    if (!call) return;
    if (this.getSnapshot().callState === 'calling') return this.cancelWaiting();
    const consultationId = call.info.consultationId;
    const absent = residentAbsent && this.role !== 'kiosk';
    // The same reasons the server records for a hang-up by each side.
    const reason: EndReason = absent ? 'resident_absent' : this.role === 'kiosk' ? 'resident_left' : 'staff_ended';
    // Sent before teardown so the packet leaves even if the socket closes right after.
    const pending = consultationId ? this.hangUpRequest(call, consultationId, absent) : null;
    this.endCall(call, reason, 'local', pending);
    try {
      await pending;
    } catch (error) {
      logger.warn('hangUp not acknowledged', { consultationId, error });
    }
  }

  /** A kiosk stops waiting. Does nothing once the call has been answered. */
  protected async cancelWaiting(): Promise<void> {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'calling') return;
    const consultationId = call.info.consultationId;
    this.endCall(call, 'resident_left', 'local');
    if (!consultationId) return; // the queueing request cancels once its answer arrives
    try {
      await this.request('cancelCall', { consultationId });
    } catch (error) {
      // Accepted in the same instant: leave the room the specialist is about to open.
      logger.warn('cancel refused, hanging up instead', { consultationId, error });
      await this.request('hangUp', { consultationId }).catch(() => undefined);
    }
  }

  /** Sends an extra track (document camera, shared screen) now and after every re-join, until stopped. */
  protected async addExtra(call: ActiveCall, track: MediaStreamTrack, source: MediaSource): Promise<void> {
    await startExtra(call, track, source, this.getSnapshot().callState === 'inCall');
  }

  protected async removeExtra(call: ActiveCall, match: (track: MediaStreamTrack, source: MediaSource) => boolean): Promise<void> {
    const extra = call.extras.find((e) => match(e.track, e.source));
    if (extra) await stopExtra(call, extra);
  }

  /** The notifications of a call, from the home socket or from a link to the node holding the call. */
  protected listenToCall(socket: SignallingSocket): void {
    socket.on('newConsumer', (payload, ack) => void this.onNewConsumer(payload, ack));
    socket.on('consumerClosed', ({ consultationId, consumerId }) => {
      if (this.isCurrent(consultationId)) this.active?.media?.closeConsumer(consumerId);
    });
    socket.on('peerJoined', ({ consultationId, peer }) => {
      if (!this.isCurrent(consultationId)) return;
      this.patch({ peers: [...this.getSnapshot().peers.filter((p) => p.role !== peer.role), peer] });
      if (peer.role !== 'guest' && this.getSnapshot().callState === 'inCall') this.patch({ failover: null });
      this.safeEmit('peerJoined', peer);
    });
    socket.on('peerLeft', ({ consultationId, role }) => {
      if (!this.isCurrent(consultationId)) return;
      this.patch({ peers: this.getSnapshot().peers.filter((p) => p.role !== role) });
      this.safeEmit('peerLeft', role);
    });
    // The node holding the call stopped: say so now, with how long it may still move.
    socket.on('holderLost', ({ consultationId, secondsLeft }) => {
      if (!this.isCurrent(consultationId)) return;
      const lost = this.getSnapshot().failover?.lost ?? 'holder';
      this.patch({ failover: { lost, until: Date.now() + secondsLeft * 1000 } });
    });
    // From either socket: the call may have ended while the one carrying it was down.
    socket.on('callEnded', ({ consultationId, reason, failedRoles }) => {
      if (this.active && this.isCurrent(consultationId)) this.endCall(this.active, reason, 'remote', null, failedRoles);
    });
  }

  /**
   * Staff: the call is held by another server node; open the link to it before joining. A
   * link that cannot be opened fails the call with an error the console can show.
   */
  protected async openHolder(call: ActiveCall, url: string): Promise<void> {
    try {
      await this.linkHolder(call, url);
    } catch (error) {
      const callError = toCallError(error, ErrorCode.Unavailable);
      if (this.active === call) this.failCall(call, callError);
      throw callError;
    }
  }

  /** Opens the link to the node holding the call; rejects (the call untouched) if it cannot be reached in time. */
  protected async linkHolder(call: ActiveCall, url: string, connectTimeoutMs?: number): Promise<void> {
    logger.info('the call is held by another server node', { consultationId: call.info.consultationId, url });
    const current = (): boolean => this.active === call && call.holder === holder;
    const holder: HolderLink = new HolderLink({
      url,
      getToken: this.options.getToken,
      refreshToken: this.options.refreshToken,
      authPolicy: this.options.reconnectPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
      requestTimeoutMs: this.options.requestTimeoutMs,
      createSocket: this.options.createSocket,
      ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
      onStateChange: (state) => {
        // A call that moved to another node shows that node's connection until it ends, and
        // so does the stand-in after it.
        if ((current() && call.failedOver) || this.standIn === holder) this.setConnection(state === 'failed' ? 'reconnecting' : state);
      },
      onReconnected: () => {
        if (current()) void this.resume(call);
      },
      onFailed: (error) => {
        if (current()) this.failCall(call, error);
        else if (this.standIn === holder) this.dropStandIn();
      },
    });
    call.holder = holder;
    this.listenToCall(holder.socket);
    holder.socket.on('authExpiring', () => void this.renewSocketAuth(holder.socket));
    this.serverEvents.addSocket(holder.socket);
    await holder.open();
  }

  /** Closes the call's holder link at once (the call moved on, or that node could not take it). */
  protected dropHolder(call: ActiveCall): void {
    const holder = call.holder;
    if (!holder) return;
    call.holder = null;
    this.serverEvents.removeSocket(holder.socket);
    holder.close();
  }

  protected loadDevice(): Promise<Device> {
    const info = this.getSnapshot().serverInfo;
    if (!info) return Promise.reject(CallError.unavailable('not connected to the server'));
    return this.devices.load(info.routerRtpCapabilities);
  }

  /** Camera and microphone opened before the answer, so the first produce need not wait for them (join-tuning.ts). */
  protected openMediaEarly(call: ActiveCall): void {
    if (joinTuning().earlyMedia) call.localMedia ??= (this.options.acquireMedia ?? acquireLocalMedia)();
  }

  protected beginCall(info: CallInfo, event: 'queued' | 'answered'): ActiveCall {
    if (this.active) throw CallError.invalidState('a call is already in progress');
    const call = newActiveCall(info, (c) => this.room.createPathGuard(c));
    this.active = call;
    this.patch({ call: info, lastError: null });
    this.dispatch(event, info.consultationId);
    return call;
  }

  protected updateCall(call: ActiveCall, changes: Partial<CallInfo>): void {
    call.info = { ...call.info, ...changes };
    if (this.active === call) this.patch({ call: call.info });
  }

  /** `lastRequest`: an answer still awaited on the call's own socket (its holder link closes once it arrives). */
  protected endCall(
    call: ActiveCall,
    reason: EndReason,
    initiator: 'local' | 'remote',
    lastRequest?: Promise<unknown> | null,
    failedRoles: PeerRole[] = [],
  ): void {
    if (this.active !== call) return;
    const { consultationId, answered } = call.info;
    logger.info('call ended', { consultationId, reason, initiator });
    this.discardCall(call, lastRequest);
    this.safeEmit('callEnded', { consultationId, reason, initiator, answered, failedRoles });
  }

  /** Releases everything of the call; no trace of it stays in the snapshot. */
  protected discardCall(call: ActiveCall, lastRequest?: Promise<unknown> | null): void {
    if (this.active !== call) return;
    this.active = null;
    if (call.holder && call.failedOver && this.homeState !== 'connected' && call.holder.socket.connected) {
      // The own node is still down: the surviving node stays this client's way in.
      this.standIn = call.holder;
      call.holder = null;
      this.setConnection('connected');
      this.onStandIn();
    } else if (call.holder) {
      this.serverEvents.removeSocket(call.holder.socket);
      call.holder.retire(lastRequest);
    }
    // The screen shows this client's own connection again.
    if (call.failedOver && !this.standIn) this.setConnection(this.homeState);
    this.releaseMedia(call, CallError.invalidState('call ended'), { call: null });
    this.dispatch('ended', call.info.consultationId);
  }

  /** The media half of a call's teardown, shared by its end and by a transfer (which keeps the call). */
  protected releaseMedia(call: ActiveCall, why: CallError, changes: Partial<CallSnapshot> = {}): void {
    releaseCallMedia(call, why);
    this.setLocalStream(null);
    this.patch({ remoteTracks: [], peers: [], media: EMPTY_SNAPSHOT.media, iceProtocol: 'any', failover: null, ...changes });
  }

  /** Something broke for good: end the call here and tell the server, if it can hear us. */
  protected failCall(call: ActiveCall, error: CallError): void {
    const { consultationId } = call.info;
    logger.error('call failed', { consultationId, error });
    this.reportError(error);
    if (consultationId && error.code === ErrorCode.NotFound) return this.endAsRecorded(call, consultationId);
    const pending = consultationId ? this.hangUpRequest(call, consultationId).catch(() => undefined) : undefined;
    this.endCall(call, 'network_lost', 'local', pending);
  }

  protected dispatch(event: CallEvent, consultationId: string | null): void {
    this.setCallState(callTransition(this.getSnapshot().callState, event), consultationId);
  }

  protected isCurrent(consultationId: string): boolean {
    return this.active !== null && this.active.info.consultationId === consultationId;
  }

  protected assertConnected(): void {
    if (this.getSnapshot().connection !== 'connected') throw CallError.unavailable('not connected to the server');
  }

  /** A request on the home socket (the stand-in's while the own node is down). */
  protected request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    return request(this.homeSocket(), event, payload, this.options.requestTimeoutMs);
  }

  /** The own node's socket, or the stand-in's while the own node is down. */
  protected homeSocket(): SignallingSocket {
    return this.homeState !== 'connected' && this.standIn?.socket.connected ? this.standIn.socket : this.connection.socket;
  }

  /** Whether requests go through a surviving node while the own node is down. */
  protected get usingStandIn(): boolean {
    return this.standIn !== null;
  }

  /** A stand-in link now carries this client's requests (staff: the queue from that node). */
  protected onStandIn(): void {}

  private dropStandIn(): void {
    const standIn = this.standIn;
    if (!standIn) return;
    this.standIn = null;
    this.serverEvents.removeSocket(standIn.socket);
    standIn.close();
  }

  /** A request on the socket that carries the call. */
  protected callRequest<E extends RequestName>(call: ActiveCall | null, event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    return request(this.callSocket(call), event, payload, this.options.requestTimeoutMs);
  }

  /** What the role does once the server is known (staff: the queue and the availability). */
  protected onServerReady(_info: ServerInfo): void {}

  /** What the role does when its own socket's state changes, before the screen hears of it (kiosk: node failover). */
  protected onHomeState(_state: ConnectionState): void {}

  /** What the role does once the call is in the room (kiosk: learn the cluster's nodes again). */
  protected onJoined(_call: ActiveCall): void {}

  /**
   * The socket came back during a call. The server keeps our place for a grace period:
   * a waiting kiosk asks again and gets the same consultation; a peer in a call joins again
   * and the server replaces its old transports.
   */
  protected async resume(call: ActiveCall): Promise<void> {
    const { consultationId } = call.info;
    if (!consultationId) return; // the queueing request is still waiting for its own answer
    logger.info('resuming after reconnect', { consultationId, callState: this.getSnapshot().callState });
    // The call may have ended while we were away (a server restart, a stopped node): end it
    // here with the reason the server recorded, so the screen says what the record says.
    const known = await this.request('resumeCall', { consultationId }).catch(() => null);
    if (this.active !== call) return;
    if (known?.ended) return this.endCall(call, known.ended.reason, 'remote');
    if (this.getSnapshot().callState !== 'calling') {
      await this.room.join(call).catch(() => undefined);
      return;
    }
    await this.resumeWaiting(call);
  }

  /** A kiosk waiting in the queue when the socket came back (only a kiosk waits). */
  protected async resumeWaiting(_call: ActiveCall): Promise<void> {}

  private async prepare(): Promise<ServerInfo> {
    const info = await this.request('getServerInfo', {});
    if (info.role !== this.role) throw new CallError(ErrorCode.Forbidden, `this client is for a ${this.role}, the server says ${info.role}`);
    if (!this.options.deferDevice) await this.devices.load(info.routerRtpCapabilities);
    this.patch({ serverInfo: info });
    this.onServerReady(info);
    return info;
  }

  private onConnectionState(state: ConnectionState, error?: CallError): void {
    this.homeState = state;
    if (state === 'connected' && this.standIn) {
      // The own node is back. A call begun through the stand-in is held by that node: the
      // stand-in becomes its holder link until it ends; otherwise it is closed.
      const call = this.active;
      if (call && !call.holder) {
        call.holder = this.standIn;
        call.failedOver = true;
        this.standIn = null;
      } else this.dropStandIn();
    } else if (state !== 'connected' && state !== 'closed' && this.standIn) {
      // The screen keeps working through the surviving node.
      this.onHomeState(state);
      return;
    }
    this.onHomeState(state);
    // A call that moved to another node shows that node's connection until it ends.
    if (this.active?.failedOver && state !== 'closed') return;
    const wasConnected = this.getSnapshot().connection === 'connected';
    this.setConnection(state, error);
    // A call carried by a holder link resumes when that link comes back.
    if (state === 'connected' && !wasConnected && this.active && !this.active.holder) void this.resume(this.active);
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

  private async onNewConsumer(payload: ConsumerOptions & { consultationId: string }, ack: AckCallback<null>): Promise<void> {
    const call = this.active;
    if (!call || call.info.consultationId !== payload.consultationId) {
      ack({ ok: false, error: { code: ErrorCode.InvalidState, message: 'not in this call' } });
      return;
    }
    try {
      // newConsumer may beat the joinRoom answer to us; consume once the transport exists.
      const media = await call.recvReady.promise;
      // join-tuning sendFirst: our own picture leaves before we take the other side's, which
      // would otherwise compete with it for the page (the other side's first frame waits on ours).
      if (joinTuning().sendFirst) await Promise.race([call.sent.promise, new Promise((resolve) => setTimeout(resolve, SEND_FIRST_MAX_WAIT_MS))]);
      const { consultationId: _consultationId, ...options } = payload;
      await media.consume(options);
      ack({ ok: true, data: null });
    } catch (error) {
      const callError = toCallError(error, ErrorCode.MediaError);
      logger.warn('consume failed', { consumerId: payload.consumerId, error: callError });
      ack({ ok: false, error: { code: ErrorCode.MediaError, message: callError.message } });
    }
  }

  /**
   * The server no longer holds the call (it restarted, or its node stopped): end it with the
   * reason the record gives, so the screen says what the record says.
   */
  private endAsRecorded(call: ActiveCall, consultationId: string): void {
    this.request('resumeCall', { consultationId }).then(
      ({ ended }) => this.endCall(call, ended?.reason ?? 'network_lost', ended ? 'remote' : 'local'),
      () => this.endCall(call, 'network_lost', 'local'),
    );
  }

  /** The socket that carries this call: the home one (or the stand-in), unless another node holds the call. */
  private callSocket(call: ActiveCall | null): SignallingSocket {
    return call?.holder?.socket ?? this.homeSocket();
  }

  /**
   * While the link to the node holding the call is down, the home node passes the hang-up
   * on, so the resident is not left waiting for the grace period.
   */
  private hangUpRequest(call: ActiveCall, consultationId: string, residentAbsent = false): Promise<null> {
    const holderDown = call.holder !== null && !call.holder.socket.connected && this.homeState === 'connected';
    const payload = residentAbsent ? { consultationId, reason: 'resident_absent' as const } : { consultationId };
    return holderDown ? this.request('hangUp', payload) : this.callRequest(call, 'hangUp', payload);
  }
}
