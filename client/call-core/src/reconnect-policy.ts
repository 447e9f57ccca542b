export interface ReconnectContext {
  /** How many attempts have already failed. */
  retryCount: number;
  /** Milliseconds since the first failure. */
  elapsedMs: number;
}

/** Decides when to try again: the next delay in ms, or null to give up. */
export interface ReconnectPolicy {
  nextRetryDelayMs(context: ReconnectContext): number | null;
}

export interface DefaultReconnectPolicyOptions {
  delaysMs?: readonly number[];
  /** Give up once this much time has passed; Infinity never gives up. */
  maxElapsedMs?: number;
}

const DEFAULT_DELAYS_MS = [0, 1_000, 2_000, 4_000, 8_000, 15_000] as const;

/** Backs off along a fixed list, then repeats its last delay until maxElapsedMs. */
export class DefaultReconnectPolicy implements ReconnectPolicy {
  private readonly delaysMs: readonly number[];
  private readonly maxElapsedMs: number;

  constructor({ delaysMs = DEFAULT_DELAYS_MS, maxElapsedMs = 60_000 }: DefaultReconnectPolicyOptions = {}) {
    if (delaysMs.length === 0) throw new TypeError('delaysMs must not be empty');
    this.delaysMs = delaysMs;
    this.maxElapsedMs = maxElapsedMs;
  }

  nextRetryDelayMs({ retryCount, elapsedMs }: ReconnectContext): number | null {
    if (elapsedMs >= this.maxElapsedMs) return null;
    const index = Math.min(retryCount, this.delaysMs.length - 1);
    return this.delaysMs[index] ?? null;
  }
}
