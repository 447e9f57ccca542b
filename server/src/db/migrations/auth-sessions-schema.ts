import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff login sessions: each login starts a family of refresh tokens; every refresh replaces the
 * token, and presenting a replaced one revokes the whole family (it was stolen or replayed).
 */
export class AuthSessionsSchema1764000000000 implements MigrationInterface {
  name = 'AuthSessionsSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX auth_session_by_staff ON auth_session (staff_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE refresh_token (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        replaced_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_by_session ON refresh_token (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE auth_session`);
  }
}
