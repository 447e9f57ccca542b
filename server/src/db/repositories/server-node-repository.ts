import type { DataSource } from 'typeorm';
import type { EndReason } from '@madoguchi/contract/consultation';
import { returnedRows } from '../query-result';

/** A consultation closed because the node holding it is gone; who to tell and what to tidy up. */
export interface ClosedOrphan {
  id: string;
  kioskId: string;
  staffId: string | null;
  appointmentId: string | null;
  endedAt: Date;
  reason: EndReason;
}

interface ClosedRow {
  id: string;
  kiosk_id: string;
  staff_id: string | null;
  appointment_id: string | null;
  ended_at: Date;
  end_reason: EndReason;
}

const toOrphan = (row: ClosedRow): ClosedOrphan => ({
  id: row.id,
  kioskId: row.kiosk_id,
  staffId: row.staff_id,
  appointmentId: row.appointment_id,
  endedAt: row.ended_at,
  reason: row.end_reason,
});

/**
 * Closes the rows picked by `closed` (an UPDATE ... RETURNING) and writes each one's single
 * `ended` event in the same statement: a row ends once, so it gets exactly one event.
 */
const withEndedEvents = (closed: string): string => `
  WITH closed AS (${closed}),
       events AS (
         INSERT INTO session_event (session_id, at, type, actor, details)
         SELECT id, ended_at, 'ended', 'system', jsonb_build_object('reason', end_reason::text) FROM closed)
  SELECT id, kiosk_id, staff_id, appointment_id, ended_at, end_reason FROM closed`;

const RETURNING = 'RETURNING s.id, s.kiosk_id, s.staff_id, s.appointment_id, s.ended_at, s.end_reason';

/** An answered call whose node's lease ran out, still within the failover grace: it may yet move. */
export interface StrandedCall {
  id: string;
  kioskId: string;
  staffId: string;
  /** Until the grace is over (database clock): then it moves no more and ends node_lost. */
  secondsLeft: number;
}

/** An answered call taken over from a node whose lease ran out: what the new holder rebuilds it from. */
export interface AdoptedCall {
  id: string;
  fromNodeId: string;
  /** The lost node's last beat: when the call's media stopped. */
  lastBeatAt: Date;
  kiosk: { id: string; name: string; location: string };
  staff: { id: string; displayName: string };
  queuedAt: Date;
  departmentId: string | null;
  departmentName: string | null;
  appointmentId: string | null;
  residentName: string | null;
  language: string;
  needs: unknown;
}

interface AdoptedRow {
  id: string;
  from_node: string;
  last_beat_at: Date;
  kiosk_id: string;
  kiosk_name: string;
  kiosk_location: string;
  staff_id: string;
  staff_name: string;
  queued_at: Date;
  department_id: string | null;
  department_name: string | null;
  appointment_id: string | null;
  resident_name: string | null;
  language: string;
  needs: unknown;
}

/**
 * Node leases in PostgreSQL: every node beats (database clock) while it runs, so the others
 * can tell when it stopped, and the calls it held are closed at the time of its last beat.
 */
export class ServerNodeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** This node is alive now (database time); creates its row on the first beat. */
  async beat(nodeId: string, url: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO server_node (node_id, url, started_at, last_beat_at) VALUES ($1, $2, now(), now())
       ON CONFLICT (node_id) DO UPDATE SET url = EXCLUDED.url, last_beat_at = now(), stopped_at = NULL`,
      [nodeId, url],
    );
  }

  /** A clean stop: the others need not wait for the lease to run out. */
  async markStopped(nodeId: string): Promise<void> {
    await this.dataSource.query(`UPDATE server_node SET stopped_at = now() WHERE node_id = $1`, [nodeId]);
  }

  /** URLs of the nodes whose lease is current, this one included. */
  async liveUrls(leaseMs: number): Promise<string[]> {
    const rows: { url: string }[] = await this.dataSource.query(
      `SELECT url FROM server_node WHERE stopped_at IS NULL AND url <> ''
          AND last_beat_at > now() - make_interval(secs => $1::double precision / 1000) ORDER BY node_id`,
      [leaseMs],
    );
    return rows.map((r) => r.url);
  }

  /**
   * At start-up, before this node beats: what its previous run left open (and rows from before
   * nodes were recorded) ends at that run's last beat, when its media stopped.
   */
  async closeOwnOrphans(nodeId: string, reason: EndReason, fallback: Date): Promise<ClosedOrphan[]> {
    const rows: ClosedRow[] = returnedRows(
      await this.dataSource.query(
        withEndedEvents(`
          UPDATE consultation_session s
             SET ended_at = GREATEST(COALESCE((SELECT n.last_beat_at FROM server_node n WHERE n.node_id = $1), $3::timestamptz),
                                     COALESCE(s.answered_at, s.queued_at)),
                 end_reason = $2
           WHERE s.ended_at IS NULL AND (s.node_id = $1 OR s.node_id IS NULL) ${RETURNING}`),
        [nodeId, reason, fallback],
      ),
    );
    return rows.map(toOrphan);
  }

  /**
   * Calls held by nodes whose lease ran out (not stopped cleanly, not this node) end as
   * `node_lost` at their node's last beat. Rows are locked by the UPDATE, so when several nodes
   * sweep at once each row is closed by one of them.
   */
  async closeLostNodesOrphans(selfId: string, leaseMs: number, failoverMs = 0): Promise<ClosedOrphan[]> {
    // An answered call gets `failoverMs` more, for its kiosk to reach another node that adopts it.
    const rows: ClosedRow[] = returnedRows(
      await this.dataSource.query(
        withEndedEvents(`
          UPDATE consultation_session s
             SET ended_at = GREATEST(n.last_beat_at, COALESCE(s.answered_at, s.queued_at)), end_reason = 'node_lost'
            FROM server_node n
           WHERE s.node_id = n.node_id AND s.ended_at IS NULL AND n.node_id <> $1
             AND n.last_beat_at < now() - make_interval(secs => $2::double precision / 1000)
             AND (s.answered_at IS NULL OR n.last_beat_at < now() - make_interval(secs => ($2 + $3)::double precision / 1000)) ${RETURNING}`),
        [selfId, leaseMs, failoverMs],
      ),
    );
    return rows.map(toOrphan);
  }

  /**
   * Answered calls of nodes whose lease ran out (not stopped cleanly, not this node) that are
   * still within the failover grace: nobody carries their media now, and their people must hear
   * it at once rather than when the grace is over.
   */
  async strandedCalls(selfId: string, leaseMs: number, failoverMs: number): Promise<StrandedCall[]> {
    const rows: { id: string; kiosk_id: string; staff_id: string; seconds_left: number }[] = await this.dataSource.query(
      `SELECT s.id, s.kiosk_id, s.staff_id,
              EXTRACT(EPOCH FROM n.last_beat_at + make_interval(secs => ($2::double precision + $3::double precision) / 1000) - now())::float8 AS seconds_left
         FROM consultation_session s JOIN server_node n ON n.node_id = s.node_id
        WHERE n.node_id <> $1 AND n.stopped_at IS NULL AND s.ended_at IS NULL
          AND s.answered_at IS NOT NULL AND s.staff_id IS NOT NULL
          AND n.last_beat_at < now() - make_interval(secs => $2::double precision / 1000)
          AND n.last_beat_at >= now() - make_interval(secs => ($2::double precision + $3::double precision) / 1000)`,
      [selfId, leaseMs, failoverMs],
    );
    return rows.map((r) => ({ id: r.id, kioskId: r.kiosk_id, staffId: r.staff_id, secondsLeft: Math.max(0, Number(r.seconds_left)) }));
  }

  /**
   * The open answered call of this kiosk or staff member whose node's lease has run out (a
   * console or kiosk that lost its node, or was reloaded on another one, and no longer knows
   * the call's id). Null when there is none.
   */
  async strandedCallOf(participantId: string, leaseMs: number): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM consultation_session s JOIN server_node n ON n.node_id = s.node_id
        WHERE s.ended_at IS NULL AND s.answered_at IS NOT NULL AND (s.staff_id = $1 OR s.kiosk_id = $1)
          AND (n.stopped_at IS NOT NULL OR n.last_beat_at < now() - make_interval(secs => $2::double precision / 1000))
        ORDER BY s.answered_at DESC LIMIT 1`,
      [participantId, leaseMs],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * This node takes over an answered call whose node's lease ran out, asked by one of its two
   * participants: the row names this node from now on and gets its `node_failover` event in
   * the same statement. Null if the call is over, unanswered, not theirs, its node still
   * beats (then that node holds it), or the failover grace after its lease is over.
   */
  async adoptOrphan(consultationId: string, participantId: string, selfId: string, leaseMs: number, failoverMs: number): Promise<AdoptedCall | null> {
    const rows: AdoptedRow[] = returnedRows(
      await this.dataSource.query(
        `WITH adopted AS (
           UPDATE consultation_session s SET node_id = $3
             FROM server_node n
            WHERE s.id = $1 AND s.node_id = n.node_id AND n.node_id <> $3 AND s.ended_at IS NULL
              AND s.answered_at IS NOT NULL AND s.staff_id IS NOT NULL AND (s.staff_id = $2 OR s.kiosk_id = $2)
              AND (n.stopped_at IS NOT NULL OR n.last_beat_at < now() - make_interval(secs => $4::double precision / 1000))
              -- Past the failover grace the sweep closes it as node_lost; nobody may take it then.
              AND n.last_beat_at >= now() - make_interval(secs => ($4 + $5)::double precision / 1000)
           RETURNING s.id, n.node_id AS from_node, n.last_beat_at, s.kiosk_id, s.staff_id, s.queued_at,
                     s.department_id, s.appointment_id, s.language),
         event AS (
           INSERT INTO session_event (session_id, at, type, actor, details)
           SELECT id, now(), 'node_failover', 'system',
                  jsonb_build_object('fromNode', from_node, 'toNode', $3::text, 'lastBeatAt', last_beat_at) FROM adopted)
         SELECT a.id, a.from_node, a.last_beat_at, a.kiosk_id, k.name AS kiosk_name, k.location AS kiosk_location,
                a.staff_id, m.display_name AS staff_name, a.queued_at, a.department_id, d.name AS department_name,
                a.appointment_id, ap.resident_name, a.language, ap.needs
           FROM adopted a
           JOIN kiosk k ON k.id = a.kiosk_id
           JOIN staff_user m ON m.id = a.staff_id
           LEFT JOIN department d ON d.id = a.department_id
           LEFT JOIN appointment ap ON ap.id = a.appointment_id`,
        [consultationId, participantId, selfId, leaseMs, failoverMs],
      ),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      fromNodeId: row.from_node,
      lastBeatAt: row.last_beat_at,
      kiosk: { id: row.kiosk_id, name: row.kiosk_name, location: row.kiosk_location },
      staff: { id: row.staff_id, displayName: row.staff_name },
      queuedAt: row.queued_at,
      departmentId: row.department_id,
      departmentName: row.department_name,
      appointmentId: row.appointment_id,
      residentName: row.resident_name,
      language: row.language,
      needs: row.needs,
    };
  }

  /** Whether the consultation's record is still open (held by some node, live or lost). */
  async isOpen(consultationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM consultation_session WHERE id = $1 AND ended_at IS NULL`, [consultationId]);
    return rows.length > 0;
  }

  /**
   * One call whose node is gone, ended on request (staff hang up before the sweep): it ends
   * where the others would have ended it. Only its kiosk or its staff member may. Null if it is
   * still held, already over, or not theirs.
   */
  async closeOrphan(consultationId: string, participantId: string, leaseMs: number): Promise<ClosedOrphan | null> {
    const rows: ClosedRow[] = returnedRows(
      await this.dataSource.query(
        withEndedEvents(`
          UPDATE consultation_session s
             SET ended_at = GREATEST(n.last_beat_at, COALESCE(s.answered_at, s.queued_at)), end_reason = 'node_lost'
            FROM server_node n
           WHERE s.id = $1 AND s.node_id = n.node_id AND s.ended_at IS NULL AND (s.staff_id = $3 OR s.kiosk_id = $3)
             AND (n.stopped_at IS NOT NULL OR n.last_beat_at < now() - make_interval(secs => $2::double precision / 1000)) ${RETURNING}`),
        [consultationId, leaseMs, participantId],
      ),
    );
    return rows[0] ? toOrphan(rows[0]) : null;
  }
}
