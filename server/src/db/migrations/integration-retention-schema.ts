import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integration purge (issue 19) deletes stored Idempotency-Key answers by their expiry and
 * finished webhook deliveries by age: an index for the first (the second uses
 * webhook_delivery_log on created_at).
 */
export class IntegrationRetentionSchema17679100000000 implements MigrationInterface {
  name = 'IntegrationRetentionSchema17679100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_record_expiry`);
  }
}
