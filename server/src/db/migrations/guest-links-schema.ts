import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single-use links that bring a third party into one consultation. */
export class GuestLinksSchema1764200000000 implements MigrationInterface {
  name = 'GuestLinksSchema1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE guest_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES consultation_session (id),
        created_by uuid NOT NULL REFERENCES staff_user (id),
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        joined_at timestamptz,
        left_at timestamptz
      )`);
    await q.query(`CREATE INDEX guest_link_by_session ON guest_link (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE guest_link`);
  }
}
