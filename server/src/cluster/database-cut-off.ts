import { createLogger } from '../logging/logger';
import type { LeaseState } from './node-lease';

const log = createLogger('database-cut-off');

/**
 * - reached: our lease is current, nobody may close our calls;
 * - unsure: it ran out, but no other node was heard judging (a general outage, or we cannot
 *   hear them either);
 * - cut_off: it ran out and another node reached the database as a judge since: our calls
 *   are, or are about to be, recorded node_lost by it.
 * reached|unsure -> cut_off once per cut; a beat that reaches the database -> reached.
 * A lone node, or one that cannot hear the others either, never goes cut_off: nobody else can
 * have closed its calls, so they go on and their writes wait for the database (a general
 * PostgreSQL outage must not end calls).
 */
export type DatabaseLinkState = 'reached' | 'unsure' | 'cut_off';

export interface DatabaseCutOffOptions {
  lease: { readonly current: LeaseState; readonly lastBeatAt: number };
  leaseMs: number;
  /** Whether another node beat in PostgreSQL as a judge at or after this time. */
  peerJudgedSince: (at: number) => boolean;
  /** Once per cut: end what this node holds, at its last beat, and tell the people in it. */
  onCutOff: (lastBeatAt: Date) => void;
  checkEveryMs?: number;
}

/** Watches this node's lease; a node cut off from PostgreSQL stops presenting its calls as live. */
export class DatabaseCutOffGuard {
  private state: DatabaseLinkState = 'reached';
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: DatabaseCutOffOptions) {}

  get current(): DatabaseLinkState {
    return this.state;
  }

  start(): void {
    // Its own timer: a beat stuck on an unanswered connection must not hold the check up.
    this.timer ??= setInterval(() => this.check(), this.options.checkEveryMs ?? 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  check(): void {
    const { current, lastBeatAt } = this.options.lease;
    if (current === 'stopped' || current === 'idle' || lastBeatAt === 0) return;
    // While the lease is ours nobody may close our calls, however slow the beats are.
    if (Date.now() - lastBeatAt < this.options.leaseMs) {
      this.setState('reached');
      return;
    }
    if (this.state === 'cut_off') return;
    // The others' sweep judges with the database's clock against our last beat; a judge heard
    // after our lease ran out (our clock) has swept, or will at its next beat.
    if (!this.options.peerJudgedSince(lastBeatAt + this.options.leaseMs)) {
      this.setState('unsure');
      return;
    }
    this.setState('cut_off');
    this.options.onCutOff(new Date(lastBeatAt));
  }

  private setState(next: DatabaseLinkState): void {
    if (next === this.state) return;
    log.warn(`[state] ${this.state} -> ${next}`);
    this.state = next;
  }
}
