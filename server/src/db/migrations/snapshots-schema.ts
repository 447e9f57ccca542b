import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Document snapshots taken with the resident's consent: content, checksum and size, per session. */
export class SnapshotsSchema1764100000000 implements MigrationInterface {
  name = 'SnapshotsSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES consultation_session (id),
        request_id uuid NOT NULL UNIQUE,
        taken_at timestamptz NOT NULL DEFAULT now(),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        byte_size integer NOT NULL CHECK (byte_size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX snapshot_by_session ON snapshot (session_id, taken_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE snapshot`);
  }
}
