import type { KioskProfile } from '@contract/rest';
import { CallSession } from '@media/call-session';
import type { CallEndedEvent, CallSessionSnapshot } from '@media/call-session-types';
import { createLogger } from '@media/logger';
import { DefaultReconnectPolicy } from '@media/reconnect-policy';
import { TypedEmitter } from '@media/typed-emitter';
import { KioskTokenKeeper } from '../device/kiosk-token-keeper';
import { transition } from './kiosk-state';
import type { FaultKind, KioskEvent, KioskState, KioskStateName } from './kiosk-state';

const logger = createLogger('kiosk-session');

export interface KioskSnapshot {
  state: KioskState;
  kiosk: KioskProfile | null;
  /** The call core's view: connection, local and remote media. */
  call: CallSessionSnapshot | null;
}

export type KioskSessionEvents = {
  changed: [KioskSnapshot];
  stateChanged: [KioskState, KioskState];
};

export interface KioskSessionOptions {
  credential: string | null;
  /** How long the thank-you screen stays. */
  endedDisplayMs?: number;
  /** How long a temporary fault stays before Idle returns. */
  faultDisplayMs?: number;
  /** Stop waiting for a specialist after this long. */
  maxWaitMs?: number;
  /** Retry a failed connection after this long. */
  reconnectDelayMs?: number;
}

const TEMPORARY_FAULTS: ReadonlySet<FaultKind> = new Set(['callFailed', 'noAnswer', 'unexpected']);

/**
 * The kiosk's state machine with its side effects: the device token, the call core, and
 * the timers that bring the screen back to Idle. Screens only read the snapshot and call
 * callStaff(), cancel() and hangUp().
 */
export class KioskSession extends TypedEmitter<KioskSessionEvents> {
  private readonly options: Required<Omit<KioskSessionOptions, 'credential'>> & { credential: string | null };
  private snapshot: KioskSnapshot = { state: { name: 'starting' }, kiosk: null, call: null };
  private keeper: KioskTokenKeeper | null = null;
  private callSession: CallSession | null = null;
  private stateTimer: number | null = null;
  private reconnectTimer: number | null = null;
  private closed = false;

  constructor({ credential, ...timings }: KioskSessionOptions) {
    super();
    this.options = {
      credential,
      endedDisplayMs: timings.endedDisplayMs ?? 6_000,
      faultDisplayMs: timings.faultDisplayMs ?? 8_000,
      maxWaitMs: timings.maxWaitMs ?? 15 * 60_000,
      reconnectDelayMs: timings.reconnectDelayMs ?? 5_000,
    };
  }

  private stateName(): KioskStateName {
    return this.snapshot.state.name;
  }

  getSnapshot(): KioskSnapshot {
    return this.snapshot;
  }

  async start(): Promise<void> {
    const { credential } = this.options;
    if (!credential) {
      this.dispatch({ type: 'fault', fault: 'unregistered' });
      return;
    }
    const keeper = new KioskTokenKeeper({ credential });
    this.keeper = keeper;
    keeper.on('rejected', () => this.dispatch({ type: 'fault', fault: 'rejected' }));
    keeper.on('retrying', () => {
      if (this.stateName() === 'starting') this.dispatch({ type: 'fault', fault: 'offline' });
    });
    keeper.on('tokenChanged', ({ kiosk }) => this.patch({ kiosk }));
    try {
      await keeper.start();
    } catch (error) {
      logger.error('no kiosk token', { error });
      return; // 'rejected' has already moved us to the fault screen
    }
    if (this.closed) return;
    this.callSession = this.createCallSession(keeper);
    this.connect();
  }

  /** The resident pressed 「職員を呼び出す」. */
  async callStaff(): Promise<void> {
    const session = this.callSession;
    if (!session || this.stateName() !== 'idle') return;
    if (session.getSnapshot().connection !== 'connected') return;
    this.dispatch({ type: 'callRequested' });
    try {
      const { queuePosition } = await session.callStaff();
      this.dispatch({ type: 'queued', queuePosition });
    } catch (error) {
      logger.warn('callStaff failed', { error });
      if (this.stateName() === 'calling') this.dispatch({ type: 'fault', fault: 'callFailed' });
    }
  }

  /** The resident pressed 「やめる」 while waiting. */
  async cancel(): Promise<void> {
    if (this.stateName() !== 'calling') return;
    this.dispatch({ type: 'cancelled' });
    await this.callSession?.cancelCall();
  }

  /** The resident pressed 「通話を終了」. */
  async hangUp(): Promise<void> {
    await this.callSession?.hangUp();
  }

  /** Back to Idle after an unexpected error, dropping whatever call there was. */
  reset(): void {
    void this.callSession?.hangUp();
    this.dispatch({ type: 'fault', fault: 'unexpected' });
  }

  close(): void {
    this.closed = true;
    this.clearStateTimer();
    if (this.reconnectTimer !== null) window.clearTimeout(this.reconnectTimer);
    this.keeper?.stop();
    this.callSession?.close();
    this.callSession?.removeAllListeners();
    this.removeAllListeners();
  }

  private createCallSession(keeper: KioskTokenKeeper): CallSession {
    const session = new CallSession({
      getToken: () => keeper.token,
      refreshToken: () => keeper.refreshNow(),
      // A kiosk never gives up: it has nobody to press "retry".
      reconnectPolicy: new DefaultReconnectPolicy({ maxElapsedMs: Infinity }),
    });
    session.on('changed', (call) => this.patch({ call }));
    session.on('connectionStateChanged', (state) => {
      if (state === 'connected') this.dispatch({ type: 'ready' });
      if (state === 'failed') this.onConnectionFailed();
    });
    // Joining, not callAccepted, marks the answer: after a reconnect the core may learn of
    // it only from the server's refusal to queue the kiosk again.
    session.on('callStateChanged', (state) => {
      if (state === 'joining' || state === 'inCall') {
        this.dispatch({ type: 'accepted', staffName: session.getSnapshot().call?.peerName ?? null });
      }
    });
    session.on('callEnded', (event) => this.onCallEnded(event));
    return session;
  }

  private connect(): void {
    this.callSession?.connect().catch((error: unknown) => logger.warn('connect failed', { error }));
  }

  private onConnectionFailed(): void {
    const name = this.stateName();
    if (name === 'starting' || name === 'idle') this.dispatch({ type: 'fault', fault: 'offline' });
    if (this.reconnectTimer !== null || this.closed) return;
    this.reconnectTimer = window.setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, this.options.reconnectDelayMs);
  }

  private onCallEnded({ answered, initiator, reason }: CallEndedEvent): void {
    if (answered) {
      this.dispatch({ type: 'callEnded', reason });
    } else if (initiator === 'remote' || reason === 'network_lost') {
      // The queue entry is gone without an answer (server restart, network drop).
      if (this.stateName() === 'calling') this.dispatch({ type: 'fault', fault: 'callFailed' });
    }
  }

  private dispatch(event: KioskEvent): void {
    const prev = this.snapshot.state;
    const next = transition(prev, event);
    if (next === prev) return;
    if (next.name !== prev.name) {
      logger.info(`state ${prev.name} -> ${next.name}`, { event: event.type });
      this.clearStateTimer();
      this.armStateTimer(next);
    }
    this.patch({ state: next });
    this.safeEmit('stateChanged', next, prev);
  }

  private armStateTimer(state: KioskState): void {
    let delay: number | null = null;
    let onTimeout = (): void => this.dispatch({ type: 'timeout' });
    if (state.name === 'ended') delay = this.options.endedDisplayMs;
    if (state.name === 'fault' && TEMPORARY_FAULTS.has(state.fault)) delay = this.options.faultDisplayMs;
    if (state.name === 'calling') {
      delay = this.options.maxWaitMs;
      onTimeout = () => {
        void this.callSession?.cancelCall();
        this.dispatch({ type: 'fault', fault: 'noAnswer' });
      };
    }
    if (delay !== null) this.stateTimer = window.setTimeout(onTimeout, delay);
  }

  private clearStateTimer(): void {
    if (this.stateTimer !== null) window.clearTimeout(this.stateTimer);
    this.stateTimer = null;
  }

  private patch(changes: Partial<KioskSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    this.safeEmit('changed', this.snapshot);
  }
}
