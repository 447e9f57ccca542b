import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls whose media never flowed get their own end reason instead of passing for `completed`,
 * and every record says whether its media needed ICE over TCP or never got through at all.
 */
export class MediaFailureSchema1765400000000 implements MigrationInterface {
  name = 'MediaFailureSchema1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // ADD VALUE may run inside the migration's transaction as long as nothing there uses it.
    await q.query(`ALTER TYPE session_end_reason ADD VALUE IF NOT EXISTS 'media_failed'`);
    await q.query(`
      ALTER TABLE consultation_session
        ADD COLUMN media_flag text CHECK (media_flag IN ('tcp_fallback', 'media_failed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value; records that used it keep it.
    await q.query(`ALTER TABLE consultation_session DROP COLUMN media_flag`);
  }
}
