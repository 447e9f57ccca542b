import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the kiosk's users asked for (issue 14): a call ended because nobody was at the kiosk any
 * more has its own end reason; the guest of a call has a kind (interpreter, sign-language
 * interpreter, another department) so the resident is told who joined; and the town's settings
 * for the public screen (how a booked name is shown, what to offer when nobody can answer).
 */
export class KioskUxSchema1765200000000 implements MigrationInterface {
  name = 'KioskUxSchema1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // PostgreSQL 12+ allows this inside the migration's transaction as long as nothing in the
    // same transaction uses the new value.
    await q.query(`ALTER TYPE session_end_reason ADD VALUE IF NOT EXISTS 'resident_absent'`);
    await q.query(`
      ALTER TABLE guest_link ADD COLUMN kind text NOT NULL DEFAULT 'other'
        CHECK (kind IN ('interpreter', 'sign_language', 'department', 'other'))`);
    await q.query(`
      CREATE TABLE town_setting (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z_]{0,39}$'),
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES staff_user (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE town_setting`);
    await q.query(`ALTER TABLE guest_link DROP COLUMN kind`);
    // An enum value cannot be dropped; rows using it would have to be rewritten first.
  }
}
