import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '@madoguchi/contract/errors';
import { AppError } from './app-error';

/** Where the counters live: in this process, or in Redis so that every node counts together. */
export interface LimiterStore {
  /** Unset: one node, counters in memory. */
  redis?: Redis | undefined;
  /** Key prefix in Redis (the installation's prefix), so two installations never share counters. */
  prefix: string;
}

export interface AttemptLimiterOptions {
  /** Part of the Redis key: what is counted (`login-pair`, `check-in`…). */
  name: string;
  attempts: number;
  windowSeconds: number;
}

/** A counter per key from rate-limiter-flexible, in Redis when the store has one, else in memory. */
export function createCounter(store: LimiterStore, options: AttemptLimiterOptions): RateLimiterAbstract {
  const settings = { points: options.attempts, duration: options.windowSeconds, keyPrefix: `${store.prefix}:limit:${options.name}` };
  if (!store.redis) return new RateLimiterMemory(settings);
  // If Redis is away, each node goes on counting alone rather than letting every attempt through.
  return new RateLimiterRedis({ ...settings, storeClient: store.redis, insuranceLimiter: new RateLimiterMemory(settings) });
}

export const retryAfterSecondsOf = (result: RateLimiterRes): number => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

export function rateLimited(retryAfterSeconds: number, message = 'too many attempts; try again later'): AppError {
  return new AppError(ErrorCode.RateLimited, message, { retryAfterSeconds });
}

/**
 * Counts attempts per key (a kiosk, an address). The attempt is counted atomically before the
 * check it guards, so parallel requests cannot all slip in before the first failure is
 * recorded; a successful attempt is given back.
 */
export class AttemptLimiter {
  private readonly counter: RateLimiterAbstract;

  constructor(store: LimiterStore, options: AttemptLimiterOptions) {
    this.counter = createCounter(store, options);
  }

  /** Counts one attempt; throws RATE_LIMITED (with retryAfterSeconds) once the key is over its allowance. */
  async take(key: string, message?: string): Promise<void> {
    try {
      await this.counter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(retryAfterSecondsOf(rejection), message);
      throw rejection;
    }
  }

  /** The attempt succeeded: it does not count against the key. */
  async giveBack(key: string): Promise<void> {
    await this.counter.reward(key);
  }

  async clear(key: string): Promise<void> {
    await this.counter.delete(key);
  }
}
