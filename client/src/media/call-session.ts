import { Device } from 'mediasoup-client';
import type { AckCallback } from '@contract/ack';
import type { EndReason, QueueEntry } from '@contract/consultation';
import { ErrorCode } from '@contract/errors';
import type { ConsumerOptions, PeerRole, TransportOptions } from '@contract/media-types';
import type { AcceptCallResult, CallStaffResult, ServerInfo } from '@contract/signalling-events';
import { CallError, toCallError } from './call-error';
import { CallMedia } from './call-media';
import type {
  CallInfo,
  CallSessionEvents,
  CallSessionOptions,
  CallSessionSnapshot,
  CallState,
  ConnectionState,
} from './call-session-types';
import { createDeferred } from './deferred';
import { EMPTY_SNAPSHOT } from './empty-snapshot';
import type { Deferred } from './deferred';
import { acquireLocalMedia, stopStream } from './local-media';
import { createLogger } from './logger';
import { fromRtpCapabilities, toRtpCapabilities } from './media-json';
import { createMediaSignalling } from './media-signalling';
import { DefaultReconnectPolicy } from './reconnect-policy';
import { SessionConnection } from './session-connection';
import { request } from './signalling';
import type { RequestName, RequestPayload, RequestResult } from './signalling';
import { TypedEmitter } from './typed-emitter';

const logger = createLogger('call-session');

/** One call from the first request to teardown; replaced, never reused. */
interface ActiveCall {
  info: CallInfo;
  media: CallMedia | null;
  localStream: MediaStream | null;
  recvReady: Deferred<CallMedia>;
  /** callAccepted can overtake the callStaff ack on a busy server. */
  acceptedEarly: { sessionId: string; staffName: string } | null;
}

/**
 * The browser side of a consultation: the signalling socket, the mediasoup Device and the
 * media of the current call. No UI; screens read getSnapshot() and listen to its events.
 */
export class CallSession extends TypedEmitter<CallSessionEvents> {
  private readonly options: CallSessionOptions;
  private readonly connection: SessionConnection;
  private snapshot: CallSessionSnapshot = EMPTY_SNAPSHOT;
  private device: Device | null = null;
  private active: ActiveCall | null = null;

  constructor(options: CallSessionOptions) {
    super();
    this.options = options;
    this.connection = new SessionConnection({
      getToken: options.getToken,
      refreshToken: options.refreshToken,
      url: options.url,
      authPolicy: options.reconnectPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: Infinity }),
      onReady: () => this.prepare(),
      onStateChange: (state, error) => this.setConnection(state, error),
      onDisconnect: () => this.onDisconnect(),
    });
    this.listenToServer();
  }

  getSnapshot(): CallSessionSnapshot {
    return this.snapshot;
  }

  /** Opens the socket; resolves once the server is known and the Device loaded. */
  connect(): Promise<ServerInfo> {
    return this.connection.connect();
  }

  /** Ends any call, closes the socket; the session cannot be used again. */
  close(): void {
    if (this.snapshot.connection === 'closed') return;
    if (this.active) void this.hangUp();
    this.connection.close();
  }

  /** Kiosk: ask for a specialist. The call stays `calling` until callAccepted arrives. */
  async callStaff(): Promise<CallStaffResult> {
    this.assertReady('kiosk');
    const call = this.beginCall({ sessionId: null, peerName: null, peerLocation: null, queuePosition: null, answered: false });
    this.setCallState('calling');
    let result: CallStaffResult;
    try {
      result = await this.request('callStaff', {});
    } catch (error) {
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      // The resident gave up before the server answered.
      void this.request('cancelCall', { sessionId: result.sessionId }).catch((e: unknown) => logger.warn('late cancel failed', { error: e }));
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
    if (!call || this.snapshot.callState !== 'calling') return;
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
    const call = this.beginCall({ sessionId, peerName: null, peerLocation: null, queuePosition: null, answered: false });
    this.setCallState('joining');
    let result: AcceptCallResult;
    try {
      result = await this.request('acceptCall', { sessionId });
    } catch (error) {
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      void this.request('hangUp', { sessionId }).catch(() => undefined);
      return result;
    }
    this.updateCall(call, { peerName: result.kioskName, peerLocation: result.kioskLocation, answered: true });
    await this.join(call);
    return result;
  }

  /** Either side: end the call (a kiosk still waiting cancels instead). */
  async hangUp(): Promise<void> {
    const call = this.active;
    if (!call) return;
    if (this.snapshot.callState === 'calling') return this.cancelCall();
    const sessionId = call.info.sessionId;
    const reason: EndReason = this.snapshot.serverInfo?.role === 'kiosk' ? 'resident_left' : 'staff_ended';
    // Sent before teardown so the packet leaves even if the socket closes right after.
    const pending = sessionId ? this.request('hangUp', { sessionId }) : null;
    this.endCall(call, reason, 'local');
    try {
      await pending;
    } catch (error) {
      logger.warn('hangUp not acknowledged', { sessionId, error });
    }
  }

  private async prepare(): Promise<ServerInfo> {
    const info = await this.request('getServerInfo', {});
    if (!this.device) this.device = await (this.options.createDevice ?? (() => Device.factory()))();
    if (!this.device.loaded) {
      await this.device.load({ routerRtpCapabilities: toRtpCapabilities(info.routerRtpCapabilities) });
    }
    this.patch({ serverInfo: info });
    if (info.role === 'staff') {
      this.request('getQueue', {}).then(
        (queue) => this.setQueue(queue),
        (error: unknown) => this.reportError(toCallError(error)),
      );
    }
    return info;
  }

  private onDisconnect(): void {
    // The server drops a queue entry when its kiosk goes away, so waiting on is pointless.
    if (this.active && this.snapshot.callState === 'calling') this.endCall(this.active, 'network_lost', 'local');
  }

  private listenToServer(): void {
    const socket = this.connection.socket;
    socket.on('queueUpdated', (queue) => this.setQueue(queue));
    socket.on('callAccepted', (payload) => this.onCallAccepted(payload));
    socket.on('newConsumer', (payload, ack) => void this.onNewConsumer(payload, ack));
    socket.on('consumerClosed', ({ sessionId, consumerId }) => {
      if (this.isCurrent(sessionId)) this.active?.media?.closeConsumer(consumerId);
    });
    socket.on('peerJoined', ({ sessionId, peer }) => {
      if (!this.isCurrent(sessionId)) return;
      this.patch({ peers: [...this.snapshot.peers.filter((p) => p.role !== peer.role), peer] });
      this.safeEmit('peerJoined', peer);
    });
    socket.on('peerLeft', ({ sessionId, role }) => {
      if (!this.isCurrent(sessionId)) return;
      this.patch({ peers: this.snapshot.peers.filter((p) => p.role !== role) });
      this.safeEmit('peerLeft', role);
    });
    socket.on('callEnded', ({ sessionId, reason }) => {
      if (this.active && this.isCurrent(sessionId)) this.endCall(this.active, reason, 'remote');
    });
  }

  private onCallAccepted(payload: { sessionId: string; staffName: string }): void {
    const call = this.active;
    if (!call || this.snapshot.callState !== 'calling') return;
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

  private async join(call: ActiveCall): Promise<void> {
    const sessionId = call.info.sessionId;
    if (!sessionId || !this.device) throw CallError.invalidState('join without a session');
    this.setCallState('joining');
    const localMedia = (this.options.acquireMedia ?? acquireLocalMedia)();
    let streamTaken = false;
    try {
      const joined = await this.request('joinRoom', { sessionId, rtpCapabilities: fromRtpCapabilities(this.device.rtpCapabilities) });
      if (this.active !== call) return;
      this.patch({ peers: joined.peers });
      const media = this.createMedia(call, joined.sendTransport, joined.recvTransport);
      call.media = media;
      call.recvReady.resolve(media);
      const { stream, error } = await localMedia;
      if (this.active !== call) return;
      streamTaken = true;
      call.localStream = stream;
      this.patch({ localStream: stream });
      this.safeEmit('localStreamChanged', stream);
      if (error) this.reportError(error);
      this.setCallState('inCall');
      if (stream) await media.produceLocal(stream);
    } catch (error) {
      const callError = toCallError(error, ErrorCode.MediaError);
      logger.error('join failed', { sessionId, error: callError });
      this.reportError(callError);
      if (this.active === call) {
        this.endCall(call, 'network_lost', 'local');
        void this.request('hangUp', { sessionId }).catch(() => undefined);
      }
      throw callError;
    } finally {
      // Camera and mic opened for a call that is already gone must be released too.
      if (!streamTaken) void localMedia.then(({ stream }) => stopStream(stream));
    }
  }

  private createMedia(call: ActiveCall, sendTransport: TransportOptions, recvTransport: TransportOptions): CallMedia {
    const sessionId = call.info.sessionId ?? '';
    const media = new CallMedia({
      device: this.device as Device,
      sendTransport,
      recvTransport,
      icePolicy: new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
      signalling: createMediaSignalling(this.connection.socket, sessionId, this.options.requestTimeoutMs),
    });
    media.on('remoteTrackAdded', (remote) => {
      this.patch({ remoteTracks: [...this.snapshot.remoteTracks, remote] });
      this.safeEmit('remoteTrackAdded', remote);
    });
    media.on('remoteTrackRemoved', (remote) => {
      this.patch({ remoteTracks: this.snapshot.remoteTracks.filter((r) => r.consumerId !== remote.consumerId) });
      this.safeEmit('remoteTrackRemoved', remote);
    });
    media.on('transportStateChanged', (direction, state) => {
      if (this.active !== call) return;
      this.patch({ media: { ...this.snapshot.media, [direction]: state } });
      this.safeEmit('transportStateChanged', direction, state);
    });
    media.on('failed', (error) => {
      if (this.active !== call) return;
      this.reportError(error);
      this.endCall(call, 'network_lost', 'local');
      void this.request('hangUp', { sessionId }).catch(() => undefined);
    });
    return media;
  }

  private beginCall(info: CallInfo): ActiveCall {
    if (this.active) throw CallError.invalidState('a call is already in progress');
    const call: ActiveCall = { info, media: null, localStream: null, recvReady: createDeferred(), acceptedEarly: null };
    this.active = call;
    this.patch({ call: info, lastError: null });
    return call;
  }

  private updateCall(call: ActiveCall, changes: Partial<CallInfo>): void {
    call.info = { ...call.info, ...changes };
    if (this.active === call) this.patch({ call: call.info });
  }

  private endCall(call: ActiveCall, reason: EndReason, initiator: 'local' | 'remote'): void {
    if (this.active !== call) return;
    const { sessionId, answered } = call.info;
    logger.info('call ended', { sessionId, reason, initiator });
    this.discardCall(call);
    this.safeEmit('callEnded', { sessionId, reason, initiator, answered });
  }

  /** Releases everything of the call; no trace of it stays in the snapshot. */
  private discardCall(call: ActiveCall): void {
    if (this.active !== call) return;
    this.active = null;
    call.recvReady.reject(CallError.invalidState('call ended'));
    call.media?.close();
    stopStream(call.localStream);
    const hadStream = this.snapshot.localStream !== null;
    this.patch({ call: null, localStream: null, remoteTracks: [], peers: [], media: EMPTY_SNAPSHOT.media });
    if (hadStream) this.safeEmit('localStreamChanged', null);
    this.setCallState('idle');
  }

  private isCurrent(sessionId: string): boolean {
    return this.active !== null && this.active.info.sessionId === sessionId;
  }

  private assertReady(role: PeerRole): void {
    if (this.snapshot.connection !== 'connected') throw CallError.unavailable('not connected to the server');
    if (this.snapshot.serverInfo?.role !== role) {
      throw new CallError(ErrorCode.Forbidden, `only a ${role} may do this`);
    }
  }

  private request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    return request(this.connection.socket, event, payload, this.options.requestTimeoutMs);
  }

  private setConnection(next: ConnectionState, error?: CallError): void {
    const prev = this.snapshot.connection;
    if (error) this.reportError(error);
    if (prev === next) return;
    logger.info(`connection ${prev} -> ${next}`);
    this.patch({ connection: next });
    this.safeEmit('connectionStateChanged', next, prev);
  }

  private setCallState(next: CallState): void {
    const prev = this.snapshot.callState;
    if (prev === next) return;
    logger.info(`call ${prev} -> ${next}`, { sessionId: this.active?.info.sessionId ?? null });
    this.patch({ callState: next });
    this.safeEmit('callStateChanged', next, prev);
  }

  private setQueue(queue: QueueEntry[]): void {
    this.patch({ queue });
    this.safeEmit('queueUpdated', queue);
  }

  private reportError(error: CallError): void {
    this.patch({ lastError: error });
    this.safeEmit('error', error);
  }

  private patch(changes: Partial<CallSessionSnapshot>): void {
    this.snapshot = Object.freeze({ ...this.snapshot, ...changes });
    this.safeEmit('changed', this.snapshot);
  }
}
