import { AppError } from './app-error';
import { ErrorCode } from '../contract/errors';

/**
 * Counts failures per key in a sliding window; once a key has used its allowance it is
 * refused until the oldest failure leaves the window. Guards login, pairing and check-in codes.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: { maxFailures: number; windowMs: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.options.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Throws RATE_LIMITED if the key may not try now. */
  assertAllowed(key: string): void {
    const list = this.recent(key);
    if (list.length >= this.options.maxFailures) {
      const retryAfterSeconds = Math.ceil(((list[0] ?? this.now()) + this.options.windowMs - this.now()) / 1000);
      throw new AppError(ErrorCode.RateLimited, 'too many failed attempts; try again later', { retryAfterSeconds });
    }
  }

  recordFailure(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 10_000) this.prune();
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
