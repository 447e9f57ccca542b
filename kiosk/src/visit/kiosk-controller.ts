import type { Language } from '@madoguchi/contract/languages';
import type { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import type { CallEndedEvent } from '@madoguchi/call-core/call-types';
import type { CheckResults } from '@madoguchi/call-core/check-verdict';
import { runConnectionCheck } from '@madoguchi/call-core/connection-check';
import { createLogger } from '@madoguchi/call-core/logger';
import { TypedEmitter } from '@madoguchi/call-core/typed-emitter';
import { clearPairingRequest, storeCredential } from '../device/credential-store';
import type { Heartbeat } from '../device/heartbeat';
import { fetchKioskConfig } from '../device/kiosk-config-api';
import { createKioskBooking, fetchKioskFreeTimes } from '../device/kiosk-booking-api';
import { HttpError } from '../device/http-error';
import type { FreeTime, FreeTimeDay, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { KioskBookingOffer } from '@madoguchi/contract/kiosk-booking';
import type { BookHereError } from './book-here-steps';
import { pairKiosk } from '../device/kiosk-pairing-api';
import { KioskTokenKeeper } from '../device/kiosk-token-keeper';
import { DEFAULT_LANGUAGE } from '../i18n/messages';
import { selectableDepartments } from './department-label';
import { checkInErrorOf, pairingErrorOf } from './kiosk-errors';
import { IdleWatch } from './idle-watch';
import { EMPTY_EXTRAS } from './in-call-extras';
import type { InCallExtras } from './in-call-extras';
import type { KioskForms } from './kiosk-forms';
import { createKioskCall } from './kiosk-call';
import type { KioskConnections, KioskControllerEvents, KioskControllerOptions, KioskSnapshot } from './kiosk-controller-types';
import { IDLE_WARNING_STATES, INTERACTIVE_STATES, transition } from './kiosk-state';
import { OneShotTimer } from './one-shot-timer';
import { ReleaseReload } from './release-reload';
import { asksForRating } from './survey-rule';
import type { KioskEvent, KioskState, KioskStateName } from './kiosk-state';
import { DEFAULT_TIMINGS, stateTimeoutMs } from './state-timeouts';
import type { KioskTimings } from './state-timeouts';

export type { KioskConnections, KioskControllerEvents, KioskControllerOptions, KioskSnapshot } from './kiosk-controller-types';

const logger = createLogger('kiosk-controller');

/** Departments change rarely; re-read them when Idle returns, at most this often. */
const CONFIG_MAX_AGE_MS = 60_000;

/**
 * The kiosk's state machine with its side effects: pairing, the device token, the call
 * core, the heartbeat and the timers that bring the screen back to Idle. Screens only read
 * the snapshot and call the resident's actions below.
 */
export class KioskController extends TypedEmitter<KioskControllerEvents> {
  private readonly timings: KioskTimings;
  private readonly connections: KioskConnections;
  private credential: string | null;
  private forcePairing: boolean;
  private snapshot: KioskSnapshot = {
    state: { name: 'starting' },
    language: DEFAULT_LANGUAGE,
    kiosk: null,
    config: null,
    call: null,
    extras: EMPTY_EXTRAS,
    forms: null,
    idleWarningEndsAt: null,
  };
  private keeper: KioskTokenKeeper | null = null;
  private callClient: KioskCallClient | null = null;
  private heartbeat: Heartbeat | null = null;
  private extras: InCallExtras | null = null;
  private formReview: KioskForms | null = null;
  private readonly idleWatch: IdleWatch;
  /** Waiting for a specialist: after a long quiet wait, ask whether the resident is still there (never drop them unasked). */
  private readonly waitWatch: IdleWatch;
  private readonly stateTimer = new OneShotTimer();
  private readonly languageTimer = new OneShotTimer();
  private readonly reconnectTimer = new OneShotTimer();
  private configLoadedAt = 0;
  private readonly releaseReload: ReleaseReload;
  private closed = false;

  constructor({ credential, forcePairing = false, connections = {}, ...timings }: KioskControllerOptions) {
    super();
    this.connections = connections;
    this.credential = credential;
    this.forcePairing = forcePairing;
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
    this.releaseReload = new ReleaseReload(connections.reload ? { reload: connections.reload } : {});
    this.idleWatch = new IdleWatch({
      warnAfterMs: this.timings.inactivityMs,
      warningMs: this.timings.idleWarningMs,
      onWarning: (idleWarningEndsAt) => this.patch({ idleWarningEndsAt }),
      onExpired: () => this.onIdleExpired(),
    });
    this.waitWatch = new IdleWatch({
      warnAfterMs: this.timings.maxWaitMs,
      warningMs: this.timings.idleWarningMs,
      onWarning: (idleWarningEndsAt) => this.patch({ idleWarningEndsAt }),
      onExpired: () => this.onWaitExpired(),
    });
  }

  /** How often the waiting screen reassures a waiting resident. */
  get reassureMs(): number {
    return this.timings.reassureMs;
  }

  /** The in-call controls (document camera, snapshot consent); null before the first connection. */
  get inCall(): InCallExtras | null {
    return this.extras;
  }

  get forms(): KioskForms | null {
    return this.formReview;
  }

  /** The kiosk's current access token (installer mode sends it with the installer code). */
  get accessToken(): string | null {
    return this.keeper?.token ?? null;
  }

  getSnapshot(): KioskSnapshot {
    return this.snapshot;
  }

  /** A pairing screen the installer opened on purpose (`#pair`) over a working credential. */
  get canLeavePairing(): boolean {
    const { state } = this.snapshot;
    return state.name === 'pairing' && state.reason === 'requested' && this.credential !== null;
  }

  async start(): Promise<void> {
    if (this.forcePairing || !this.credential) {
      this.dispatch({ type: 'pairingRequired', reason: this.credential ? 'requested' : 'unregistered' });
      return;
    }
    const { exchangeCredential } = this.connections;
    const keeper = new KioskTokenKeeper({ credential: this.credential, ...(exchangeCredential ? { exchange: exchangeCredential } : {}) });
    this.keeper = keeper;
    keeper.on('rejected', () => this.onCredentialRefused());
    keeper.on('retrying', () => {
      if (this.stateName() === 'starting') this.dispatch({ type: 'fault', fault: 'offline' });
    });
    keeper.on('tokenChanged', ({ kiosk }) => this.patch({ kiosk }));
    try {
      await keeper.start();
    } catch (error) {
      logger.error('no kiosk token', { error });
      return; // 'rejected' has already moved us to the pairing screen
    }
    if (this.closed || this.keeper !== keeper) return;
    const call = createKioskCall(keeper, {
      dispatch: (event) => this.dispatch(event),
      onCall: (snapshot) => this.patch({ call: snapshot }),
      onExtras: (extras) => this.patch({ extras }),
      onForms: (forms) => this.patch({ forms }),
      onConnected: () => void this.loadConfig(),
      onConnectionFailed: () => this.onConnectionFailed(),
      onCallEnded: (event) => this.onCallEnded(event),
      cameraRoles: () => this.snapshot.config?.kiosk.cameraRoles ?? { documentCameraId: null, faceCameraId: null },
      callOptions: this.connections.call ?? {},
    });
    this.callClient = call.client;
    this.heartbeat = call.heartbeat;
    this.extras = call.extras;
    this.formReview = call.forms;
    this.connect();
  }

  /** The installer typed the eight digits from the admin screen. */
  async pair(code: string): Promise<void> {
    const { state } = this.snapshot;
    if (state.name !== 'pairing' || state.submitting) return;
    this.dispatch({ type: 'pairingSubmitted' });
    try {
      const { credential, kiosk } = await pairKiosk(code);
      storeCredential(credential);
      clearPairingRequest();
      logger.info('paired', { kiosk: kiosk.id });
      this.credential = credential;
      this.forcePairing = false;
    } catch (error) {
      logger.warn('pairing refused', { error });
      this.dispatch({ type: 'pairingFailed', error: pairingErrorOf(error) });
      return;
    }
    this.dispatch({ type: 'paired' });
    await this.start();
  }

  setLanguage(language: Language): void {
    if (this.stateName() !== 'idle' && this.stateName() !== 'start') return;
    this.releaseReload.touched();
    if (language !== this.snapshot.language) this.patch({ language });
    this.armLanguageReset();
  }

  /** Idle: 「はじめる」. */
  begin(): void {
    if (!this.isConnected()) return;
    this.dispatch({ type: 'begin' });
    // The call library loads while the resident chooses, not while the idle screen comes up.
    this.callClient?.warmUp();
  }

  /** Start: 「予約があります」. */
  chooseBooking(): void {
    this.dispatch({ type: 'bookingChosen' });
  }

  /** Start: 「予約なしで相談」; with no departments to choose from, straight to the general counter. */
  chooseWalkIn(): void {
    if (this.departments().length > 0) this.dispatch({ type: 'walkInChosen' });
    else void this.callStaff();
  }

  back(): void {
    this.dispatch({ type: 'back' });
    if (this.stateName() === 'idle') this.armLanguageReset();
  }

  /** Any touch on a choosing or typing screen (「続ける」 too): someone is still there. */
  noteActivity(): void {
    this.releaseReload.touched();
    if (IDLE_WARNING_STATES.has(this.stateName())) this.idleWatch.touch();
    if (this.stateName() === 'calling') this.waitWatch.touch();
  }

  /** 「職員を呼ぶ」: from Idle or a choosing screen straight to the general counter; elsewhere nothing. */
  callForHelp(): void {
    const { state } = this.snapshot;
    if (state.name === 'idle') this.begin();
    else if (state.name === 'checkIn' && !state.submitting) this.dispatch({ type: 'back' });
    void this.callStaff();
  }

  /** A walk-in asks for a specialist; no department means the general counter. */
  async callStaff(departmentId?: string): Promise<void> {
    const call = this.callClient;
    const name = this.stateName();
    if (!call || (name !== 'walkIn' && name !== 'start')) return;
    if (!this.isConnected()) {
      this.dispatch({ type: 'fault', fault: 'offline' });
      return;
    }
    this.dispatch(departmentId ? { type: 'callRequested', departmentId } : { type: 'callRequested' });
    try {
      const payload = departmentId ? { departmentId, language: this.snapshot.language } : { language: this.snapshot.language };
      const { queuePosition } = await call.callStaff(payload);
      this.dispatch({ type: 'queued', queuePosition });
    } catch (error) {
      logger.warn('callStaff failed', { error });
      if (this.stateName() === 'calling') this.dispatch({ type: 'fault', fault: 'callFailed' });
    }
  }

  /** A booked resident entered or scanned their six-digit code. */
  async checkIn(code: string): Promise<void> {
    const call = this.callClient;
    const { state } = this.snapshot;
    if (!call || state.name !== 'checkIn' || state.submitting) return;
    this.dispatch({ type: 'checkInSubmitted' });
    if (!this.isConnected()) {
      this.dispatch({ type: 'checkInFailed', error: 'offline' });
      return;
    }
    try {
      const { queuePosition, appointment } = await call.checkIn({ code, language: this.snapshot.language });
      this.dispatch({ type: 'checkedIn', queuePosition, residentName: appointment.residentName });
    } catch (error) {
      logger.info('check-in refused', { error });
      this.dispatch({ type: 'checkInFailed', error: checkInErrorOf(error) });
    }
  }

  /** The resident pressed 「やめる」 while waiting. */
  async cancel(): Promise<void> {
    if (this.stateName() !== 'calling') return;
    this.dispatch({ type: 'cancelled' });
    await this.callClient?.cancelCall();
  }

  /** The departments 「この窓口で予約する」 may book here (the town's setting and 設定 → 予約枠). */
  bookHereOffer(departmentId: string | undefined): KioskBookingOffer | null {
    if (!departmentId) return null;
    return this.snapshot.config?.alternatives.bookHere.find((offer) => offer.departmentId === departmentId && offer.topics.length > 0) ?? null;
  }

  /** Waiting, nobody can answer: 「この窓口で予約する」 leaves the queue and opens the booking screens. */
  async bookHere(): Promise<void> {
    const { state } = this.snapshot;
    if (state.name !== 'calling' || state.outlook !== 'nobody' || !this.bookHereOffer(state.departmentId)) return;
    this.dispatch({ type: 'bookHereChosen' });
    await this.callClient?.cancelCall();
  }

  /** Free times at this kiosk for the booking screens, a week from `from` (today when absent). */
  async bookHereFreeTimes(topicId: string, from?: string): Promise<FreeTimeDay[]> {
    const { state } = this.snapshot;
    const token = this.keeper?.token;
    const kioskId = this.kioskId();
    if (state.name !== 'bookHere' || !token || !kioskId) throw new Error('not booking');
    const query = { departmentId: state.departmentId, topicId, days: 7, ...(from ? { from } : {}) };
    return (await fetchKioskFreeTimes(token, kioskId, query)).days;
  }

  /** 「予約する」: booked moves to the code; a taken time answers with the next free ones. */
  async bookHereSubmit(topicId: string, startsAt: string): Promise<{ taken: FreeTime[] } | { error: BookHereError } | null> {
    const { state, language } = this.snapshot;
    const token = this.keeper?.token;
    const kioskId = this.kioskId();
    if (state.name !== 'bookHere' || !token || !kioskId) return { error: 'failed' };
    try {
      const booking = await createKioskBooking(token, kioskId, { departmentId: state.departmentId, topicId, startsAt, preferredLanguage: language });
      this.dispatch({ type: 'bookedHere', booking });
      return null;
    } catch (error) {
      logger.info('kiosk booking refused', { error });
      if (!(error instanceof HttpError) || error.status === 0) return { error: 'offline' };
      if (error.isRateLimited) return { error: 'rateLimited' };
      const details = error.details as Partial<SlotTakenDetails> | null;
      if (error.status === 409 && details?.reason === 'slot_taken') return { taken: details.nextFreeTimes ?? [] };
      return { error: 'failed' };
    }
  }

  /** 「おわる」 on the booked screen: the code leaves the screen. */
  finishBooked(): void {
    if (this.stateName() === 'booked') this.dispatch({ type: 'back' });
  }

  /** The resident pressed 「通話を終了」. */
  async hangUp(): Promise<void> {
    await this.callClient?.hangUp();
  }

  /**
   * The installer's connection check (`#check`): camera, microphone and the media server over
   * UDP and TCP. Only between residents: refused during a call or while one is waiting.
   */
  async runConnectionCheck(onUpdate: Parameters<typeof runConnectionCheck>[1]): Promise<CheckResults> {
    const call = this.callClient;
    if (!call || !this.isConnected()) throw new Error('not connected to the server');
    if (this.stateName() !== 'idle') throw new Error('the kiosk is serving a resident');
    return runConnectionCheck(call, onUpdate);
  }

  /** 「ただいま映像がつながりません」: 「もう一度 呼ぶ」 goes back to the first choice; 「おわる」 to Idle. */
  retryAfterMediaFailure(): void {
    this.dispatch({ type: 'retry' });
  }

  finishAfterMediaFailure(): void {
    if (this.stateName() === 'mediaFailed') this.dispatch({ type: 'back' });
  }

  /** A face (1 = bad … 5 = good) or 「とばす」 (null). The answer goes out while the thank-you shows. */
  answerSurvey(rating: number | null): void {
    const { state } = this.snapshot;
    if (state.name !== 'survey') return;
    this.dispatch({ type: 'surveyDone' });
    this.sendSurvey(state.consultationId, rating);
  }

  /** Back to Idle after an unexpected error, dropping whatever call there was. */
  reset(): void {
    void this.callClient?.hangUp();
    this.dispatch({ type: 'fault', fault: 'unexpected' });
  }

  close(): void {
    this.closed = true;
    this.stateTimer.clear();
    this.languageTimer.clear();
    this.idleWatch.stop();
    this.waitWatch.stop();
    this.releaseReload.stop();
    this.stopConnection();
    this.removeAllListeners();
  }

  private connect(): void {
    this.callClient?.connect().catch((error: unknown) => logger.warn('connect failed', { error }));
  }

  /** The server no longer accepts this kiosk's credential (revoked, or the kiosk deleted). */
  private onCredentialRefused(): void {
    logger.warn('credential refused; waiting for a new pairing');
    this.stopConnection();
    this.dispatch({ type: 'pairingRequired', reason: 'revoked' });
  }

  private stopConnection(): void {
    this.reconnectTimer.clear();
    this.heartbeat?.stop();
    this.heartbeat = null;
    this.extras?.close();
    this.extras = null;
    this.formReview?.dispose();
    this.formReview = null;
    this.keeper?.stop();
    this.keeper?.removeAllListeners();
    this.keeper = null;
    this.callClient?.close();
    this.callClient?.removeAllListeners();
    this.callClient = null;
  }

  private onConnectionFailed(): void {
    const name = this.stateName();
    if (name === 'starting' || name === 'idle') this.dispatch({ type: 'fault', fault: 'offline' });
    if (this.reconnectTimer.pending || this.closed) return;
    this.reconnectTimer.set(this.timings.reconnectDelayMs, () => this.connect());
  }

  private onCallEnded({ answered, initiator, reason, consultationId }: CallEndedEvent): void {
    if (answered) {
      // No survey for a call that was cut off or where nobody was at the kiosk (asksForRating).
      this.dispatch({ type: 'callEnded', reason, consultationId: asksForRating(reason) ? consultationId : null });
    } else if (initiator === 'remote' || reason === 'network_lost') {
      // The queue entry is gone without an answer (server restart, network drop).
      if (this.stateName() === 'calling') this.dispatch({ type: 'fault', fault: 'callFailed' });
    }
  }

  private sendSurvey(consultationId: string, rating: number | null): void {
    const call = this.callClient;
    if (!call || !this.isConnected()) {
      logger.warn('survey answer dropped: not connected', { consultationId });
      return;
    }
    call
      .sendKioskNotice('submitSurvey', { consultationId, rating })
      .catch((error: unknown) => logger.warn('survey answer not accepted', { consultationId, error }));
  }

  private async loadConfig(): Promise<void> {
    const token = this.keeper?.token;
    if (!token) return;
    this.configLoadedAt = Date.now();
    try {
      const config = await (this.connections.fetchConfig ?? fetchKioskConfig)(token);
      if (!this.closed) this.patch({ config });
    } catch (error) {
      // Without departments 「予約なしで相談」 still reaches the general counter.
      logger.warn('kiosk config not loaded', { error });
    }
  }

  private departments(): ReturnType<typeof selectableDepartments> {
    return selectableDepartments(this.snapshot.config?.departments ?? []);
  }

  private dispatch(event: KioskEvent): void {
    const prev = this.snapshot.state;
    const next = transition(prev, event);
    if (next === prev) return;
    const changes: Partial<KioskSnapshot> = { state: next };
    if (next.name !== prev.name) logger.info(`state ${prev.name} -> ${next.name}`, { event: event.type });
    // An interactive state re-arms on every change, so a refused check-in gets a full
    // inactivity period again.
    if (next.name !== prev.name || INTERACTIVE_STATES.has(next.name)) {
      this.armStateTimer(next);
      if (IDLE_WARNING_STATES.has(next.name)) this.idleWatch.arm();
      else this.idleWatch.stop();
      // A new place in the queue is not a touch: only entering (or re-entering) the wait starts it.
      if (next.name === 'calling') this.waitWatch.arm();
      else this.waitWatch.stop();
    }
    // Marks, messages and the document camera belong to one call; a transfer starts afresh.
    if (prev.name === 'inCall' && next.name !== 'inCall') {
      this.extras?.reset();
      this.formReview?.reset();
    }
    if (next.name === 'idle') this.releaseReload.touched();
    if (next.name === 'idle' && event.type !== 'back') {
      // The next resident starts in Japanese, with nothing of the last one left.
      changes.language = DEFAULT_LANGUAGE;
      if (Date.now() - this.configLoadedAt > CONFIG_MAX_AGE_MS) void this.loadConfig();
    }
    this.patch(changes);
    this.safeEmit('stateChanged', next, prev);
  }

  /** A language left chosen on Idle by someone who walked away goes back to Japanese. */
  private armLanguageReset(): void {
    this.languageTimer.clear();
    if (this.snapshot.language === DEFAULT_LANGUAGE) return;
    this.languageTimer.set(this.timings.inactivityMs, () => {
      if (this.stateName() === 'idle') this.patch({ language: DEFAULT_LANGUAGE });
    });
  }

  /** Replaces the running state timer, if any, with the one for `state`. */
  private armStateTimer(state: KioskState): void {
    this.stateTimer.clear();
    const delay = stateTimeoutMs(state, this.timings);
    if (delay !== null) this.stateTimer.set(delay, () => this.onStateTimeout(state));
  }

  /** Nobody answered 「続けますか？」 on a choosing screen: back to Idle. */
  private onIdleExpired(): void {
    logger.info('idle warning ran out', { state: this.stateName() });
    this.dispatch({ type: 'timeout' });
  }

  /** Nobody answered 「続けますか？」 after a long wait: the resident has gone, so leave the queue. */
  private onWaitExpired(): void {
    logger.info('wait warning ran out');
    void this.callClient?.cancelCall();
    this.dispatch({ type: 'fault', fault: 'noAnswer' });
  }

  private onStateTimeout(state: KioskState): void {
    // Nobody answered the survey: the same as 「とばす」.
    if (state.name === 'survey') this.sendSurvey(state.consultationId, null);
    this.dispatch({ type: 'timeout' });
  }

  private kioskId(): string | null {
    return this.snapshot.config?.kiosk.id ?? this.snapshot.kiosk?.id ?? null;
  }

  private stateName(): KioskStateName {
    return this.snapshot.state.name;
  }

  private isConnected(): boolean {
    return this.callClient?.getSnapshot().connection === 'connected';
  }

  private patch(changes: Partial<KioskSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    this.safeEmit('changed', this.snapshot);
    if (!this.closed) this.releaseReload.update(this.releaseView(), () => this.releaseView());
  }

  /** What the reload for a new release looks at: the kiosk must be idle with nobody at it. */
  private releaseView(): { pageBuildId: string | null; serverBuildId: string | null; state: string; busy: boolean } {
    const { call, state, idleWarningEndsAt } = this.snapshot;
    return {
      pageBuildId: call?.pageBuildId ?? null,
      serverBuildId: call?.serverInfo?.buildId ?? null,
      state: state.name,
      // A call still being torn down, or an idle warning showing, means someone may be there.
      busy: idleWarningEndsAt !== null || (call !== null && call.callState !== 'idle'),
    };
  }
}
