import type { DataSource } from 'typeorm';
import { PeriodicPass } from '../domain/periodic-pass';
import { returnedRows } from '../db/query-result';
import { createLogger } from '../logging/logger';

const log = createLogger('integration-purge');

export interface IntegrationPurgeOptions {
  dataSource: DataSource;
  now: () => Date;
  /** Delivered and given-up webhook deliveries older than this are deleted (WEBHOOK_DELIVERY_RETENTION_DAYS). */
  deliveryRetentionMs: number;
  /** Rows deleted per transaction, so a first purge of a large table never holds locks for long. */
  batchSize?: number;
}

export interface PurgeResult {
  /** Another node held the purge: this one did nothing. */
  skipped: boolean;
  idempotencyRecords: number;
  webhookDeliveries: number;
}

/**
 * One transaction-scoped advisory lock for the whole cluster: every node runs the job on its
 * timer, the first to take the lock purges, the others skip that batch instead of deleting the
 * same rows side by side. Keyed by a fixed text, like the booking capacity lock.
 */
const LOCK = `SELECT pg_try_advisory_xact_lock(hashtext('madoguchi:integration-purge')) AS locked`;

/**
 * Deletes what the integration API no longer needs: stored answers of `Idempotency-Key`
 * creates past their window (their `expires_at`; a replay after it would be a new request
 * anyway) and webhook deliveries that are finished (delivered or given up) and older than the
 * retention. Pending deliveries stay whatever their age: they are still being tried.
 */
export class IntegrationPurge {
  private readonly passes = new PeriodicPass(() => this.pass());

  constructor(private readonly options: IntegrationPurgeOptions) {}

  start(intervalMs: number): void {
    this.passes.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }

  runOnce(): Promise<PurgeResult> {
    return this.passes.runOnce();
  }

  private async pass(): Promise<PurgeResult> {
    const result: PurgeResult = { skipped: false, idempotencyRecords: 0, webhookDeliveries: 0 };
    const now = this.options.now();
    const deliveriesBefore = new Date(now.getTime() - this.options.deliveryRetentionMs);
    const batch = this.options.batchSize ?? 5_000;
    try {
      for (;;) {
        const done = await this.options.dataSource.transaction(async (manager) => {
          const [lock] = returnedRows<{ locked: boolean }>(await manager.query(LOCK));
          if (!lock?.locked) return null;
          const idempotency = returnedRows(
            await manager.query(
              `DELETE FROM idempotency_record WHERE (api_key_id, idempotency_key) IN
                 (SELECT api_key_id, idempotency_key FROM idempotency_record WHERE expires_at < $1 LIMIT $2)
               RETURNING 1`,
              [now, batch],
            ),
          ).length;
          const deliveries = returnedRows(
            await manager.query(
              `DELETE FROM webhook_delivery WHERE id IN
                 (SELECT id FROM webhook_delivery WHERE created_at < $1 AND status IN ('delivered', 'failed') ORDER BY id LIMIT $2)
               RETURNING 1`,
              [deliveriesBefore, batch],
            ),
          ).length;
          return { idempotency, deliveries };
        });
        if (done === null) {
          result.skipped = result.idempotencyRecords === 0 && result.webhookDeliveries === 0;
          break;
        }
        result.idempotencyRecords += done.idempotency;
        result.webhookDeliveries += done.deliveries;
        if (done.idempotency < batch && done.deliveries < batch) break;
      }
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'integration purge failed');
    }
    if (result.idempotencyRecords > 0 || result.webhookDeliveries > 0) log.info(result, 'integration records purged');
    return result;
  }
}
