import { createHash } from 'node:crypto';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { ApiKeyRepository } from '../db/repositories/api-key-repository';
import { AppError } from './app-error';

export interface IdempotencyOptions {
  keys: ApiKeyRepository;
  now: () => Date;
  /** How long an answer is kept for replays (default 24 h). */
  ttlMs?: number;
  /** How long a request waits for a parallel first request with the same key (default 10 s). */
  waitMs?: number;
}

/** A pending claim older than this belongs to a request that died: another may take it over. */
const LOCK_MS = 60_000;
const POLL_MS = 50;

/**
 * `Idempotency-Key` on creates: the first request with a key runs and its answer is stored;
 * a repeat with the same body gets the same answer (and status), a repeat with another body is
 * refused, and parallel duplicates wait for the first instead of creating a second record.
 */
export class Idempotency {
  constructor(private readonly options: IdempotencyOptions) {}

  async run<T>(scope: { apiKeyId: string; route: string; key: string; body: unknown }, create: () => Promise<T>): Promise<{ replayed: boolean; value: T }> {
    const requestHash = createHash('sha256').update(`${scope.route}\n${JSON.stringify(scope.body)}`).digest('hex');
    const deadline = Date.now() + (this.options.waitMs ?? 10_000);
    for (;;) {
      const claim = await this.options.keys.claimIdempotency({
        apiKeyId: scope.apiKeyId,
        key: scope.key,
        route: scope.route,
        requestHash,
        now: this.options.now(),
        lockMs: LOCK_MS,
        ttlMs: this.options.ttlMs ?? 24 * 3_600_000,
      });
      if (claim.kind !== 'claimed' && claim.requestHash !== requestHash) {
        throw new AppError(ErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used with a different request; use a new key for a new request', { reason: 'idempotency_key_reused' });
      }
      if (claim.kind === 'done') return { replayed: true, value: claim.response as T };
      if (claim.kind === 'claimed') {
        let value: T;
        try {
          value = await create();
        } catch (error) {
          // A refused or failed first request stores nothing: the same key may be retried.
          await this.options.keys.releaseIdempotency(scope.apiKeyId, scope.key);
          throw error;
        }
        await this.options.keys.completeIdempotency(scope.apiKeyId, scope.key, 201, value);
        return { replayed: false, value };
      }
      if (Date.now() > deadline) {
        throw new AppError(ErrorCode.IdempotencyInProgress, 'a request with this Idempotency-Key is still being processed; retry in a few seconds');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
