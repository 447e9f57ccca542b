import type { Device } from 'mediasoup-client';
import type { EndReason } from '@madoguchi/contract/consultation';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { PeerRole, TransportOptions } from '@madoguchi/contract/media-types';
import type { JoinRoomResult } from '@madoguchi/contract/signalling-events';
import { CallError, toCallError } from '../call-error';
import { CallMedia } from '../call-media';
import type { CallClientEvents, CallSnapshot } from '../call-types';
import { createDeferred } from '../deferred';
import { EMPTY_SNAPSHOT } from '../empty-snapshot';
import type { LocalMedia } from '../local-media';
import { createLogger } from '../logger';
import { joinTuning } from '../join-tuning';
import { fromRtpCapabilities } from '../media-json';
import { MediaPathGuard } from '../media-path-guard';
import { createMediaSignalling } from '../media-signalling';
import { DefaultReconnectPolicy } from '../reconnect-policy';
import type { RequestName, RequestPayload, RequestResult, SignallingSocket } from '../signalling';
import type { ActiveCall } from './active-call';
import type { CallEvent } from './call-state';
import { produceExtras } from './extra-tracks';

const logger = createLogger('room-join');

/** A call whose transports broke this often is not worth another try. */
const MAX_MEDIA_REJOINS = 3;

/** Before the server has said otherwise (ServerInfo.media.noMediaTimeoutSeconds). */
const DEFAULT_NO_MEDIA_TIMEOUT_S = 15;

/** What joining needs from the call client that owns the call. */
export interface RoomJoinHost {
  /** The mediasoup Device, loaded on the first call that needs it (it may be deferred). */
  loadDevice(): Promise<Device>;
  isActive(call: ActiveCall): boolean;
  snapshot(): CallSnapshot;
  patch(changes: Partial<CallSnapshot>): void;
  dispatch(event: CallEvent, consultationId: string | null): void;
  setLocalStream(stream: MediaStream | null): void;
  reportError(error: CallError): void;
  emit<K extends keyof CallClientEvents>(event: K, ...args: CallClientEvents[K]): void;
  acquireMedia(): Promise<LocalMedia>;
  callSocket(call: ActiveCall): SignallingSocket;
  callRequest<E extends RequestName>(call: ActiveCall, event: E, payload: RequestPayload<E>): Promise<RequestResult<E>>;
  failCall(call: ActiveCall, error: CallError): void;
  endCall(call: ActiveCall, reason: EndReason, initiator: 'local' | 'remote', lastRequest?: Promise<unknown> | null, failedRoles?: PeerRole[]): void;
  requestTimeoutMs: number | undefined;
  /** The call is in the room (first join or a re-join). */
  joined?(call: ActiveCall): void;
}

/**
 * Joining the room of the call, and joining again: after a reconnect, when the transports
 * broke for good (a media rejoin), and over TCP when UDP carried nothing. Every join makes
 * fresh transports with the same local tracks; a join overtaken by a newer one (or by the
 * end of the call) stops quietly, which the generation counter tells.
 */
export class RoomJoin {
  constructor(private readonly host: RoomJoinHost) {}

  async join(call: ActiveCall): Promise<void> {
    await this.joinRoom(call, false);
  }

  /**
   * The desk's join made by the server with its accept (join-tuning acceptJoins): go on with its
   * transports, and with the media made while standing by (join-tuning deskStandby) when the
   * server handed back that standby's transports.
   */
  async joinAccepted(call: ActiveCall, joined: JoinRoomResult, stoodBy: CallMedia | null = null): Promise<void> {
    await this.joinRoom(call, false, joined, stoodBy);
  }

  /**
   * A kiosk waiting in the queue (join-tuning queuedJoin): transports created and the send one
   * connected, camera and microphone produced, before anyone answers. Nobody else is in the
   * room yet, so nothing reaches anyone; answered() then finds the media ready. A failure here
   * only costs the head start: answered() joins the ordinary way.
   */
  joinWhileWaiting(call: ActiveCall): void {
    const joining = this.joinRoom(call, true).then(
      () => true,
      (error: unknown) => {
        logger.warn('could not join the room while waiting; joining when answered', { consultationId: call.info.consultationId, error: toCallError(error) });
        return false;
      },
    );
    call.waitingJoin = { generation: call.joinGeneration, done: joining };
  }

  /** The call was answered: go on with the media made while waiting if they are still good, else join now. */
  async answered(call: ActiveCall): Promise<void> {
    const { host } = this;
    const early = call.waitingJoin;
    call.waitingJoin = null;
    const consultationId = call.info.consultationId;
    if (early && consultationId && (await early.done) && host.isActive(call) && call.joinGeneration === early.generation && call.media && !call.media.closed) {
      const generation = call.joinGeneration;
      host.dispatch('answered', consultationId);
      call.pathGuard.watch();
      call.pathGuard.onState(host.snapshot().media);
      host.dispatch('joined', consultationId);
      host.joined?.(call);
      await produceExtras(call, call.media, () => !host.isActive(call) || call.joinGeneration !== generation);
      return;
    }
    if (host.isActive(call)) await this.join(call);
  }

  private async joinRoom(call: ActiveCall, waiting: boolean, accepted?: JoinRoomResult, stoodBy: CallMedia | null = null): Promise<void> {
    const { host } = this;
    const consultationId = call.info.consultationId;
    if (!consultationId) throw CallError.invalidState('join without a consultation');
    const generation = ++call.joinGeneration;
    const stale = (): boolean => !host.isActive(call) || call.joinGeneration !== generation;
    const sameTransports = (media: CallMedia, joined: JoinRoomResult): boolean =>
      media.transportIds.send === joined.sendTransport.id && media.transportIds.recv === joined.recvTransport.id;
    if (!waiting) {
      call.waitingJoin = null;
      host.dispatch('answered', consultationId);
    }
    call.media?.close();
    call.media = null;
    call.recvReady = createDeferred();
    const sent = (call.sent = createDeferred());
    host.patch({ media: EMPTY_SNAPSHOT.media });
    call.localMedia ??= host.acquireMedia();
    try {
      const device = await host.loadDevice();
      if (stale()) return;
      const rtpCapabilities = fromRtpCapabilities(device.rtpCapabilities);
      const iceProtocol = call.pathGuard.protocol;
      const joined = accepted ?? (await host.callRequest(call, 'joinRoom', { consultationId, rtpCapabilities, ...(iceProtocol === 'tcp' ? { iceProtocol } : {}) }));
      if (stale()) return;
      host.patch({ peers: joined.peers });
      const reuse = stoodBy && !stoodBy.closed && sameTransports(stoodBy, joined) ? stoodBy : null;
      const media = reuse ? this.adoptMedia(call, reuse) : this.createMedia(call, device, joined.sendTransport, joined.recvTransport);
      call.media = media;
      if (waiting && joinTuning().warmRecv) media.warmReceive(device);
      call.recvReady.resolve(media);
      // A waiting kiosk's transports are watched from the answer on: until then nothing is meant to flow.
      if (!waiting) call.pathGuard.watch();
      // The standby's connections may be up already: their state changes came before the call did.
      if (reuse) call.pathGuard.onState(host.snapshot().media);
      const { stream, error } = await call.localMedia;
      if (stale()) return;
      host.setLocalStream(stream);
      if (error && generation === 1) host.reportError(error);
      if (waiting) {
        if (stream) await media.produceLocal(stream, () => joinTuning().sendFirstCamera && sent.resolve());
        sent.resolve();
        return;
      }
      // The call's screen mounts at 'joined': a long render that would hold up the camera's
      // produce on the same thread, and the other side's first picture with it
      // (join-tuning cameraBeforeScreen).
      let announced = false;
      const announce = (): void => {
        if (announced || stale()) return;
        announced = true;
        host.dispatch('joined', consultationId);
        host.joined?.(call);
      };
      if (!joinTuning().cameraBeforeScreen) announce();
      if (stream) {
        await media.produceLocal(stream, () => {
          if (joinTuning().sendFirstCamera) sent.resolve();
          announce();
        });
      }
      sent.resolve();
      announce();
      await produceExtras(call, media, stale);
    } catch (error) {
      sent.resolve();
      const callError = toCallError(error, ErrorCode.MediaError);
      if (stale()) return;
      if (waiting) {
        // Not the call's failure: the answer joins again from scratch.
        call.media?.close();
        call.media = null;
        throw callError;
      }
      if (!host.callSocket(call).connected) {
        logger.warn('join interrupted by a disconnect; resuming on reconnect', { consultationId });
        return;
      }
      host.failCall(call, callError);
      throw callError;
    } finally {
      // A standby the call did not take (other transports, a newer join, a failure) is closed.
      if (stoodBy && call.media !== stoodBy) stoodBy.close();
    }
  }

  /** The guard that moves a call with no media to TCP, then gives up on it. */
  createPathGuard(call: ActiveCall): MediaPathGuard {
    const { host } = this;
    return new MediaPathGuard({
      timeoutMs: () => (host.snapshot().serverInfo?.media.noMediaTimeoutSeconds ?? DEFAULT_NO_MEDIA_TIMEOUT_S) * 1000,
      onTryTcp: () => {
        if (!host.isActive(call)) return;
        logger.warn('no media over UDP; joining again with ICE over TCP', { consultationId: call.info.consultationId });
        host.patch({ iceProtocol: 'tcp' });
        this.join(call).catch(() => undefined); // join reports its own failures
      },
      onGiveUp: () => {
        if (host.isActive(call)) void this.giveUpOnMedia(call);
      },
    });
  }

  private createMedia(call: ActiveCall, device: Device, sendTransport: TransportOptions, recvTransport: TransportOptions): CallMedia {
    const { host } = this;
    const media = new CallMedia({
      device,
      sendTransport,
      recvTransport,
      icePolicy: new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
      signalling: createMediaSignalling(host.callSocket(call), call.info.consultationId ?? '', host.requestTimeoutMs),
    });
    this.wireMedia(call, media);
    return media;
  }

  /** The media the desk made while standing by becomes the call's; its transports may be connected already. */
  private adoptMedia(call: ActiveCall, media: CallMedia): CallMedia {
    this.wireMedia(call, media);
    this.host.patch({ media: { ...this.host.snapshot().media, ...media.transportStates() } });
    logger.info('answered with the standby connections', { consultationId: call.info.consultationId, ...media.transportStates() });
    return media;
  }

  private wireMedia(call: ActiveCall, media: CallMedia): void {
    const { host } = this;
    media.on('remoteTrackAdded', (remote) => {
      host.patch({ remoteTracks: [...host.snapshot().remoteTracks, remote] });
      host.emit('remoteTrackAdded', remote);
    });
    media.on('remoteTrackRemoved', (remote) => {
      host.patch({ remoteTracks: host.snapshot().remoteTracks.filter((r) => r.consumerId !== remote.consumerId) });
      host.emit('remoteTrackRemoved', remote);
    });
    media.on('transportStateChanged', (direction, state) => {
      if (call.media !== media) return;
      host.patch({ media: { ...host.snapshot().media, [direction]: state } });
      host.emit('transportStateChanged', direction, state);
      call.pathGuard.onState(host.snapshot().media);
    });
    media.on('failed', (error) => {
      if (call.media === media && host.isActive(call)) this.rejoinOrFail(call, error);
    });
  }

  /**
   * The transports are gone (ICE restart refused or exhausted) but the call may not be: join
   * the same consultation again for fresh transports. With the socket down, the reconnect
   * joins again once it is back.
   */
  private rejoinOrFail(call: ActiveCall, error: CallError): void {
    if (!call.info.answered) {
      // Made while waiting: drop them; the answer joins from scratch.
      logger.warn('media made while waiting failed; joining when answered', { consultationId: call.info.consultationId, error });
      call.waitingJoin = null;
      call.media?.close();
      call.media = null;
      return;
    }
    if (!this.host.callSocket(call).connected) {
      logger.warn('media failed while offline; rejoining on reconnect', { consultationId: call.info.consultationId });
      return;
    }
    if (call.mediaRejoins >= MAX_MEDIA_REJOINS) return this.host.failCall(call, error);
    call.mediaRejoins += 1;
    call.pathGuard.expectFreshPath();
    logger.warn('media failed; joining the room again', { consultationId: call.info.consultationId, attempt: call.mediaRejoins, error });
    this.join(call).catch(() => undefined); // join reports its own failures
  }

  /**
   * Neither UDP nor TCP carried media. The server looks at both sides' transports, ends the
   * call as media_failed and names who had none; if it cannot be asked, this side is the one.
   */
  private async giveUpOnMedia(call: ActiveCall): Promise<void> {
    const { host } = this;
    const { consultationId } = call.info;
    const ownRole = host.snapshot().serverInfo?.role ?? 'kiosk';
    logger.error('no media over UDP nor TCP; ending the call', { consultationId });
    if (!consultationId) return host.endCall(call, 'media_failed', 'local', null, [ownRole]);
    try {
      const { failedRoles } = await host.callRequest(call, 'reportMediaFailure', { consultationId });
      // The server sees media flowing after all (it connected in the last moment): carry on.
      if (failedRoles.length === 0) return;
      host.endCall(call, 'media_failed', 'local', null, failedRoles);
    } catch (error) {
      // The other side may have reported first and the call is gone already.
      logger.warn('media failure not acknowledged', { consultationId, error });
      host.endCall(call, 'media_failed', 'local', null, [ownRole]);
    }
  }
}
