import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which node holds each consultation, and a lease per node: a node that stops beating is
 * known to be gone by the others, and its calls are closed at its last beat (`node_lost`).
 */
export class SurvivalSchema1765100000000 implements MigrationInterface {
  name = 'SurvivalSchema1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // PostgreSQL 12+ accepts this inside the migration's transaction (the value is not used in it).
    await q.query(`ALTER TYPE session_end_reason ADD VALUE IF NOT EXISTS 'node_lost'`);
    await q.query(`ALTER TABLE consultation_session ADD COLUMN node_id text`);
    // When staff recorded the outcome (a write queued through a database outage keeps its original time).
    await q.query(`ALTER TABLE consultation_session ADD COLUMN outcome_at timestamptz`);
    await q.query(`CREATE INDEX consultation_session_open_by_node ON consultation_session (node_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE server_node (
        node_id text PRIMARY KEY,
        url text NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL DEFAULT now(),
        last_beat_at timestamptz NOT NULL DEFAULT now(),
        stopped_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE server_node`);
    await q.query(`DROP INDEX consultation_session_open_by_node`);
    await q.query(`ALTER TABLE consultation_session DROP COLUMN node_id, DROP COLUMN outcome_at`);
    // An enum value cannot be dropped; 'node_lost' stays (no row uses it once rolled back).
  }
}
