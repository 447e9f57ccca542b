import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff, kiosks and consultation sessions: the tables the first call needs. */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE staff_role AS ENUM ('staff', 'admin')`);
    await queryRunner.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login_id text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role staff_role NOT NULL DEFAULT 'staff',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE kiosk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        location text NOT NULL,
        credential_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TYPE session_end_reason AS ENUM
        ('completed', 'resident_left', 'staff_ended', 'network_lost', 'transferred', 'server_restart')`);
    await queryRunner.query(`
      CREATE TABLE consultation_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kiosk_id uuid NOT NULL REFERENCES kiosk (id),
        staff_id uuid REFERENCES staff_user (id),
        queued_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        ended_at timestamptz,
        end_reason session_end_reason,
        CONSTRAINT answered_after_queued CHECK (answered_at IS NULL OR answered_at >= queued_at),
        CONSTRAINT ended_after_answered CHECK (ended_at IS NULL OR ended_at >= COALESCE(answered_at, queued_at)),
        CONSTRAINT end_reason_iff_ended CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        CONSTRAINT staff_iff_answered CHECK ((staff_id IS NULL) = (answered_at IS NULL))
      )`);
    // A kiosk serves one resident at a time: at most one open session per kiosk.
    await queryRunner.query(`
      CREATE UNIQUE INDEX consultation_session_one_open_per_kiosk
        ON consultation_session (kiosk_id) WHERE ended_at IS NULL`);
    await queryRunner.query(`CREATE INDEX consultation_session_queued_at ON consultation_session (queued_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consultation_session`);
    await queryRunner.query(`DROP TYPE session_end_reason`);
    await queryRunner.query(`DROP TABLE kiosk`);
    await queryRunner.query(`DROP TABLE staff_user`);
    await queryRunner.query(`DROP TYPE staff_role`);
  }
}
