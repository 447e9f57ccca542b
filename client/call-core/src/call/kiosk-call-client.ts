import { ErrorCode } from '@madoguchi/contract/errors';
import type { CallStaffResult, CheckInResult, TransferResult } from '@madoguchi/contract/signalling-events';
import type { CallStaffPayload, CheckInPayload } from '@madoguchi/contract/signalling-schemas';
import { CallError, toCallError } from '../call-error';
import type { KioskCallRequestName, KioskNoticeName } from '../call-types';
import { createDeferred } from '../deferred';
import { createLogger } from '../logger';
import { joinTuning } from '../join-tuning';
import type { RequestPayload, RequestResult, SignallingSocket } from '../signalling';
import type { ActiveCall } from './active-call';
import { NEW_CALL } from './call-client';
import { setDocumentShown } from './extra-tracks';
import { StationCallClient } from './station-call-client';

const logger = createLogger('kiosk-call-client');

/**
 * The kiosk's call: it asks for a specialist (walk-in or checked-in booking), waits in the
 * queue, is answered, sends the document camera besides its face camera, and may be handed to
 * another department's queue.
 */
export class KioskCallClient extends StationCallClient {
  protected readonly role = 'kiosk';

  /** Ask for a specialist (walk-in). The call stays `calling` until callAccepted arrives. */
  callStaff(payload: CallStaffPayload = {}): Promise<CallStaffResult> {
    return this.queueCall(() => this.request('callStaff', payload));
  }

  /** A booked resident checks in with their code and waits like callStaff(). */
  checkIn(payload: CheckInPayload): Promise<CheckInResult> {
    return this.queueCall(() => this.request('checkIn', payload));
  }

  /** Stop waiting. Does nothing once the call has been answered. */
  cancelCall(): Promise<void> {
    return this.cancelWaiting();
  }

  /** 「通話を終了」 (a kiosk still waiting cancels instead). */
  hangUp(): Promise<void> {
    return this.hangUpCall(false);
  }

  /** A request that belongs to no call in progress (heartbeat, the survey after a call). */
  sendKioskNotice<E extends KioskNoticeName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertConnected();
    return this.request(event, payload);
  }

  /** An in-call request (a message, the answer to a snapshot request, a broken device). */
  sendKioskCallRequest<E extends KioskCallRequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertConnected();
    return this.request(event, payload);
  }

  /** Sends the document camera (source 'document') now and after every re-join, until stopDocument(). */
  async startDocument(track: MediaStreamTrack): Promise<void> {
    const call = this.active;
    if (!call || !call.info.answered) throw CallError.invalidState('not in a call');
    await this.addExtra(call, track, 'document');
  }

  /** Stops sending the document camera; the caller stops the track. */
  async stopDocument(): Promise<void> {
    const call = this.active;
    if (call) await this.removeExtra(call, (_track, source) => source === 'document');
  }

  /** Whether the document camera is paused because the console does not show it (null: not sending one). */
  documentPaused(): boolean | null {
    const call = this.active;
    const extra = call?.extras.find((e) => e.source === 'document');
    if (!extra?.media || !extra.producerId) return null;
    return extra.media.isProducerPaused(extra.producerId);
  }

  protected override listenToCall(socket: SignallingSocket): void {
    super.listenToCall(socket);
    socket.on('callAccepted', (payload) => this.onCallAccepted(payload));
    socket.on('transferred', (result) => this.onTransferred(result));
    socket.on('documentView', ({ consultationId, shown }) => {
      if (this.active && this.isCurrent(consultationId)) setDocumentShown(this.active, shown);
    });
  }

  /**
   * The socket came back while the resident waits: ask again. The server hands back the
   * kiosk's open consultation whichever request queued it (checkIn itself refuses a kiosk
   * that has one).
   */
  protected override async resumeWaiting(call: ActiveCall): Promise<void> {
    try {
      const result = await this.request('callStaff', {});
      if (this.active !== call) return;
      this.updateCall(call, { consultationId: result.consultationId, queuePosition: result.queuePosition });
      // The server dropped this socket's transports with the old connection: make them again.
      this.prepareWhileWaiting(call);
    } catch (error) {
      if (this.active !== call) return;
      if (toCallError(error).code !== ErrorCode.InvalidState) return this.failCall(call, toCallError(error));
      // Answered while we were away: the callAccepted notification went to the old socket.
      this.updateCall(call, { answered: true, queuePosition: null });
      await this.room.join(call).catch(() => undefined);
    }
  }

  private async queueCall<T extends CallStaffResult>(ask: () => Promise<T>): Promise<T> {
    this.assertConnected();
    const call = this.beginCall(NEW_CALL, 'queued');
    this.openMediaEarly(call);
    this.warmUp();
    let result: T;
    try {
      result = await ask();
    } catch (error) {
      this.discardCall(call);
      throw toCallError(error);
    }
    if (this.active !== call) {
      // The resident gave up before the server answered.
      void this.request('cancelCall', { consultationId: result.consultationId }).catch(() => undefined);
      return result;
    }
    this.updateCall(call, { consultationId: result.consultationId, queuePosition: result.queuePosition });
    logger.info('queued', { consultationId: result.consultationId, position: result.queuePosition });
    if (call.acceptedEarly?.consultationId === result.consultationId) this.onCallAccepted(call.acceptedEarly);
    else this.prepareWhileWaiting(call);
    return result;
  }

  /** A reload found the resident still waiting: camera and transports made ready again. */
  protected override onWaiting(call: ActiveCall): void {
    this.openMediaEarly(call);
    this.warmUp();
    this.prepareWhileWaiting(call);
  }

  /**
   * The kiosk knows it will send: with join-tuning queuedJoin it joins the room while it waits,
   * so at the answer its picture is already at the server and its send transport connected.
   */
  private prepareWhileWaiting(call: ActiveCall): void {
    if (!joinTuning().queuedJoin || this.active !== call || call.info.answered || !call.info.consultationId) return;
    this.room.joinWhileWaiting(call);
  }

  private onCallAccepted(payload: { consultationId: string; staffName: string }): void {
    const call = this.active;
    if (!call || this.getSnapshot().callState !== 'calling') return;
    if (call.info.consultationId === null) {
      call.acceptedEarly = payload;
      return;
    }
    if (call.info.consultationId !== payload.consultationId) return;
    this.updateCall(call, { peerName: payload.staffName, answered: true, queuePosition: null });
    this.safeEmit('callAccepted', payload);
    this.room.answered(call).catch(() => undefined); // join reports its own failures
  }

  /**
   * Staff moved the resident to another department. The call becomes a queued one again under
   * the new consultation: the same media teardown as the end of a call, no new check-in.
   */
  private onTransferred(result: TransferResult): void {
    const call = this.active;
    if (!call || !this.isCurrent(result.consultationId)) return;
    logger.info('transferred', { consultationId: result.consultationId, newConsultationId: result.newConsultationId });
    this.releaseMedia(call, CallError.invalidState('call transferred'));
    call.recvReady = createDeferred();
    call.acceptedEarly = null;
    call.documentShown = true;
    call.pathGuard = this.room.createPathGuard(call);
    this.updateCall(call, { consultationId: result.newConsultationId, peerName: null, answered: false, queuePosition: result.queuePosition });
    this.dispatch('transferred', result.newConsultationId);
    this.safeEmit('transferred', result);
    this.openMediaEarly(call);
    this.prepareWhileWaiting(call);
  }
}
