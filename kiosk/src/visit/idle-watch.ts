import { OneShotTimer } from './one-shot-timer';

export interface IdleWatchOptions {
  /** Quiet time before the warning. */
  warnAfterMs: number;
  /** How long the warning counts down. */
  warningMs: number;
  /** The warning appears (with the time it runs out) or goes (null). */
  onWarning: (endsAt: number | null) => void;
  /** Nobody answered the warning. */
  onExpired: () => void;
}

/**
 * Inactivity with a warning first (WCAG 2.2.1): after `warnAfterMs` without a touch the
 * resident is asked whether to continue and has `warningMs` to say so with one touch.
 */
export class IdleWatch {
  private readonly options: IdleWatchOptions;
  private readonly quietTimer = new OneShotTimer();
  private readonly warningTimer = new OneShotTimer();
  private armed = false;
  private warningEndsAt: number | null = null;

  constructor(options: IdleWatchOptions) {
    this.options = options;
  }

  get warning(): number | null {
    return this.warningEndsAt;
  }

  /** Starts (or restarts) counting quiet time; a warning on screen goes away. */
  arm(): void {
    this.armed = true;
    this.warningTimer.clear();
    this.setWarning(null);
    this.quietTimer.set(this.options.warnAfterMs, () => this.warn());
  }

  /** A touch: someone is there. Ignored while not armed. */
  touch(): void {
    if (this.armed) this.arm();
  }

  stop(): void {
    this.armed = false;
    this.quietTimer.clear();
    this.warningTimer.clear();
    this.setWarning(null);
  }

  private warn(): void {
    this.setWarning(Date.now() + this.options.warningMs);
    this.warningTimer.set(this.options.warningMs, () => {
      this.stop();
      this.options.onExpired();
    });
  }

  private setWarning(endsAt: number | null): void {
    if (this.warningEndsAt === endsAt) return;
    this.warningEndsAt = endsAt;
    this.options.onWarning(endsAt);
  }
}
