import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { MediaSource, RtpCapabilitiesJson } from '@madoguchi/contract/media-types';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { AcceptCallResult, ServerInfo, TransferResult } from '@madoguchi/contract/signalling-events';
import { CallError, toCallError } from '../call-error';
import type { CallClientOptions, StaffCallRequestName } from '../call-types';
import { joinTuning } from '../join-tuning';
import { acquireLocalMedia, stopStream, type LocalMedia } from '../local-media';
import { createLogger } from '../logger';
import { fromRtpCapabilities } from '../media-json';
import type { RequestPayload, RequestResult, SignallingSocket } from '../signalling';
import type { ActiveCall } from './active-call';
import { NEW_CALL } from './call-client';
import { DeskStandby } from './desk-standby';
import { StationCallClient } from './station-call-client';

const logger = createLogger('staff-call-client');

/**
 * The desk's call (staff and admins in the staff app): the queue of its departments, 対応可能
 * or 離席中, answering a resident (on whichever server node holds the call), the console's
 * in-call requests, a shared screen, and handing the resident to another department.
 */
export class StaffCallClient extends StationCallClient {
  protected readonly role = 'staff';
  /** 対応可能 (true) or 離席中, told to the server again after every reconnect. */
  private available: boolean | null = null;

  /** Camera and microphone opened while a resident waits (join-tuning warmCamera), handed to the next accept. */
  private warmMedia: Promise<LocalMedia> | null = null;
  /** Transports connected for the resident at the head of the queue (join-tuning deskStandby), handed to the accept. */
  private readonly standby: DeskStandby;

  constructor(options: CallClientOptions) {
    super(options);
    this.standby = new DeskStandby({
      loadDevice: () => this.loadDevice(),
      socket: () => this.connection.socket,
      requestTimeoutMs: options.requestTimeoutMs,
    });
    this.connection.socket.on('queueUpdated', (queue) => this.setQueue(queue));
    // After a call the camera is opened again if someone is still waiting.
    this.on('callStateChanged', (state) => {
      if (state === 'idle') this.prepareToAnswer();
    });
  }

  override close(): void {
    super.close();
    this.coolDownCamera();
    this.standby.reset();
  }

  protected override setQueue(queue: QueueEntry[]): void {
    super.setQueue(queue);
    this.prepareToAnswer();
  }

  /** The own node is down and a surviving node carries this console: its queue, from there. */
  protected override onStandIn(): void {
    const info = this.getSnapshot().serverInfo;
    if (info) this.onServerReady(info);
  }

  /**
   * 対応可能 or 離席中 on this console. The server tells waiting residents whether anyone can
   * answer; a console that is not connected says it when it is.
   */
  async setAvailability(available: boolean): Promise<void> {
    this.available = available;
    this.prepareToAnswer();
    const { connection, serverInfo } = this.getSnapshot();
    if (connection === 'connected' && serverInfo) await this.request('setAvailability', { available });
  }

  /** Fetch the waiting residents (the queue also arrives by queueUpdated). */
  async refreshQueue(): Promise<readonly QueueEntry[]> {
    this.assertConnected();
    const queue = await this.request('getQueue', {});
    this.setQueue(queue);
    return queue;
  }

  /** Take a waiting resident and join the call. Rejects with code ALREADY_TAKEN when another specialist was faster. */
  async acceptCall(consultationId: string): Promise<AcceptCallResult> {
    this.assertConnected();
    const call = this.beginCall({ ...NEW_CALL, consultationId }, 'answered');
    // The call owns them from here and stops them at its end.
    call.localMedia = this.warmMedia;
    this.warmMedia = null;
    const stoodBy = this.standby.take(consultationId);
    const dropStandby = (): void => void stoodBy.then((media) => media?.close());
    this.openMediaEarly(call);
    let result: AcceptCallResult;
    try {
      const join = joinTuning().acceptJoins ? await this.joinWithAccept() : null;
      result = await this.request('acceptCall', join ? { consultationId, join } : { consultationId });
    } catch (error) {
      dropStandby();
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      dropStandby();
      // Given up while the accept travelled; the home node passes this on to the holder if need be.
      void this.request('hangUp', { consultationId }).catch(() => undefined);
      return result;
    }
    this.updateCall(call, { peerName: result.kioskName, peerLocation: result.kioskLocation, answered: true });
    if (result.mediaNodeUrl) {
      dropStandby();
      await this.openHolder(call, result.mediaNodeUrl);
      if (this.active !== call) return result;
    }
    // The standby's transports are the join's when the server took them over (same ids): no new ICE + DTLS.
    if (result.join && !result.mediaNodeUrl) await this.room.joinAccepted(call, result.join, await stoodBy);
    else {
      dropStandby();
      await this.room.join(call);
    }
    return result;
  }

  /** What the server needs to join this desk with the accept (join-tuning acceptJoins); null joins afterwards. */
  private async joinWithAccept(): Promise<{ rtpCapabilities: RtpCapabilitiesJson } | null> {
    try {
      const device = await this.loadDevice();
      return { rtpCapabilities: fromRtpCapabilities(device.rtpCapabilities) };
    } catch (error) {
      logger.warn('media library not ready; joining after the accept', { error: toCallError(error) });
      return null;
    }
  }

  /** End the call; `residentAbsent` when nobody was at the kiosk (the record says resident_absent). */
  hangUp(options: { residentAbsent?: boolean } = {}): Promise<void> {
    return this.hangUpCall(options.residentAbsent === true);
  }

  /** An in-call request of the console. The payload names its consultation, so a quality report may follow the call. */
  sendStaffRequest<E extends StaffCallRequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertConnected();
    return this.callRequest(this.active, event, payload);
  }

  /** Hand the resident to another department's queue; the call ends here without a hang-up. */
  async transferCall(departmentId: string): Promise<TransferResult> {
    this.assertConnected();
    const call = this.active;
    const consultationId = call?.info.consultationId;
    if (!call || !consultationId) throw CallError.invalidState('no call to transfer');
    const result = await this.callRequest(call, 'transferCall', { consultationId, departmentId });
    this.endCall(call, 'transferred', 'local');
    return result;
  }

  /**
   * Sends an extra track (a shared screen) into the current call, now and after every re-join
   * (a reconnect, a media recovery), until stopExtraTrack(). The caller owns the track.
   */
  async startExtraTrack(track: MediaStreamTrack, source: MediaSource): Promise<void> {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'inCall') throw CallError.invalidState('not in a call');
    await this.addExtra(call, track, source);
  }

  /** Stops sending a track given to startExtraTrack(); does nothing once the call is gone. */
  async stopExtraTrack(track: MediaStreamTrack): Promise<void> {
    const call = this.active;
    if (call) await this.removeExtra(call, (t) => t === track);
  }

  /**
   * While a resident this desk may answer waits and the desk is 対応可能: camera and
   * microphone open (join-tuning warmCamera), so 「応答」 does not wait for getUserMedia, and
   * the desk stands by for the head of the queue (deskStandby). Both stop when nobody waits
   * (the camera light goes off).
   */
  private prepareToAnswer(): void {
    if (this.active) return;
    const { queue, connection, serverInfo } = this.getSnapshot();
    const mayAnswer = this.available !== false && queue.length > 0 && connection !== 'closed';
    // On the own node only: a surviving node standing in does not hold this desk's calls' rooms.
    const head = mayAnswer && joinTuning().deskStandby && connection === 'connected' && serverInfo && !this.usingStandIn ? (queue[0]?.consultationId ?? null) : null;
    this.standby.follow(head);
    if (!joinTuning().warmCamera || !mayAnswer) return this.coolDownCamera();
    this.warmMedia ??= (this.options.acquireMedia ?? acquireLocalMedia)();
  }

  private coolDownCamera(): void {
    const warm = this.warmMedia;
    this.warmMedia = null;
    void warm?.then(({ stream }) => stopStream(stream));
  }

  protected override listenToCall(socket: SignallingSocket): void {
    super.listenToCall(socket);
    // The queue from a stand-in (a surviving node while the own node is down).
    socket.on('queueUpdated', (queue) => {
      if (this.usingStandIn && socket === this.homeSocket()) this.setQueue(queue);
    });
    socket.on('callMoved', ({ consultationId }) => {
      if (this.active && this.isCurrent(consultationId)) void this.followMovedCall(this.active);
    });
  }

  /**
   * The node that held the call stopped and another took it over. Ask this client's own node
   * where the call is now and join it there.
   */
  private async followMovedCall(call: ActiveCall): Promise<void> {
    const consultationId = call.info.consultationId;
    if (!consultationId) return;
    const known = await this.request('resumeCall', { consultationId }).catch(() => null);
    if (this.active !== call) return;
    if (known?.ended) return this.endCall(call, known.ended.reason, 'remote');
    if (known?.live?.consultationId !== consultationId) return;
    logger.info('the call moved to another server node', { consultationId, url: known.live.mediaNodeUrl });
    this.dropHolder(call);
    if (known.live.mediaNodeUrl) {
      try {
        await this.linkHolder(call, known.live.mediaNodeUrl);
      } catch (error) {
        if (this.active === call) this.failCall(call, toCallError(error, ErrorCode.Unavailable));
        return;
      }
      if (this.active !== call) return;
    }
    await this.room.join(call).catch(() => undefined);
  }

  protected override onServerReady(info: ServerInfo): void {
    // A new connection: the server dropped the old one's standby with it.
    this.standby.reset();
    super.onServerReady(info);
    this.request('getQueue', {}).then(
      (queue) => this.setQueue(queue),
      (error: unknown) => this.reportError(toCallError(error)),
    );
    if (this.available !== null) {
      this.request('setAvailability', { available: this.available }).catch((error: unknown) => logger.warn('availability not sent', { error }));
    }
  }
}
