import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transfer is one consultation with legs, not two consultations: each row of
 * consultation_session is one leg (its department, staff member, times and outcome), and a
 * later leg names the first leg of its consultation. A first (or only) leg has no
 * consultation_id; `COALESCE(consultation_id, id)` is the consultation.
 *
 * Existing transfers are linked from their timelines: the first leg's `transferred` event names
 * the next leg (newSessionId) and the next leg's `queued` event names the one it came from
 * (transferredFrom). Chains of several transfers are followed. A pair whose events are missing
 * cannot be identified and stays as two consultations of one leg each.
 */
export class TransferLegsSchema1766100000000 implements MigrationInterface {
  name = 'TransferLegsSchema1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE consultation_session
        ADD COLUMN consultation_id uuid REFERENCES consultation_session (id),
        ADD COLUMN leg smallint NOT NULL DEFAULT 1 CHECK (leg >= 1)`);
    await q.query(`CREATE INDEX consultation_session_consultation_idx ON consultation_session (consultation_id) WHERE consultation_id IS NOT NULL`);
    const uuid = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;
    await q.query(`
      WITH RECURSIVE link AS (
        SELECT DISTINCT prev, next FROM (
          SELECT e.session_id AS prev, (e.details->>'newSessionId')::uuid AS next
            FROM session_event e WHERE e.type = 'transferred' AND e.details->>'newSessionId' ~ ${uuid}
          UNION
          SELECT (e.details->>'transferredFrom')::uuid, e.session_id
            FROM session_event e WHERE e.type = 'queued' AND e.details->>'transferredFrom' ~ ${uuid}
        ) both_sides
        WHERE EXISTS (SELECT 1 FROM consultation_session s WHERE s.id = prev)
          AND EXISTS (SELECT 1 FROM consultation_session s WHERE s.id = next)
      ),
      chain AS (
        SELECT l.prev AS first_leg, l.next, 2 AS leg FROM link l
         WHERE NOT EXISTS (SELECT 1 FROM link before WHERE before.next = l.prev)
        UNION ALL
        SELECT c.first_leg, l.next, c.leg + 1 FROM chain c JOIN link l ON l.prev = c.next WHERE c.leg < 50
      )
      UPDATE consultation_session s SET consultation_id = chain.first_leg, leg = chain.leg
        FROM chain WHERE s.id = chain.next`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consultation_session DROP COLUMN consultation_id, DROP COLUMN leg`);
  }
}
