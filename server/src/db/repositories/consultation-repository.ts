import type { DataSource, Repository } from 'typeorm';
import type {
  ConsultationState,
  EndReason,
  MediaFlag,
  OutcomeCode,
  QualitySummary,
  ConsultationListItem,
  ConsultationRecord,
} from '@madoguchi/contract/consultation';
import type { ConsultationLeg } from '@madoguchi/contract/consultation-legs';
import type { Language } from '@madoguchi/contract/languages';
import type { Page } from '@madoguchi/contract/pagination';
import { returnedRows } from '../query-result';
import { ConsultationEntity, type ConsultationRow } from '../entities/consultation-entity';

interface ConsultationListRow {
  id: string;
  kiosk_id: string;
  kiosk_name: string;
  kiosk_location: string;
  department_id: string | null;
  department_name: string | null;
  appointment_id: string | null;
  staff_id: string | null;
  staff_name: string | null;
  queued_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  end_reason: EndReason | null;
  outcome_code: OutcomeCode | null;
  notes: string;
  satisfaction: number | null;
  quality: QualitySummary | null;
  media_flag: MediaFlag | null;
  language: Language;
  consultation_id: string;
  leg: number;
  total?: string;
}

const seconds = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / 1000);

function statusOf(row: ConsultationListRow): ConsultationState {
  if (row.ended_at) return 'ended';
  return row.answered_at ? 'active' : 'queued';
}

function toConsultationRecord(row: ConsultationListRow): ConsultationRecord {
  const waitEnd = row.answered_at ?? row.ended_at;
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    kioskName: row.kiosk_name,
    kioskLocation: row.kiosk_location,
    kind: row.appointment_id ? 'booked' : 'walk_in',
    departmentId: row.department_id,
    departmentName: row.department_name,
    appointmentId: row.appointment_id,
    staffId: row.staff_id,
    staffName: row.staff_name,
    status: statusOf(row),
    queuedAt: row.queued_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    waitSeconds: waitEnd ? seconds(row.queued_at, waitEnd) : null,
    durationSeconds: row.answered_at && row.ended_at ? seconds(row.answered_at, row.ended_at) : null,
    outcomeCode: row.outcome_code,
    notes: row.notes,
    satisfaction: row.satisfaction,
    quality: row.quality,
    mediaFlag: row.media_flag,
    language: row.language,
    firstLegId: row.consultation_id,
    leg: Number(row.leg),
  };
}

const SELECT_RECORD = `
  SELECT s.id, s.kiosk_id, k.name AS kiosk_name, k.location AS kiosk_location, s.department_id,
         d.name AS department_name, s.appointment_id, s.staff_id, u.display_name AS staff_name,
         s.queued_at, s.answered_at, s.ended_at, s.end_reason, s.outcome_code, s.notes, s.satisfaction, s.quality, s.media_flag, s.language,
         COALESCE(s.consultation_id, s.id) AS consultation_id, s.leg`;
const FROM_RECORD = `
    FROM consultation_session s
    JOIN kiosk k ON k.id = s.kiosk_id
    LEFT JOIN department d ON d.id = s.department_id
    LEFT JOIN staff_user u ON u.id = s.staff_id`;

export interface ConsultationFilter {
  page: number;
  pageSize: number;
  /** Instants bounding queued_at: [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  departmentId?: string | undefined;
  kioskId?: string | undefined;
  staffId?: string | undefined;
  status?: ConsultationState | undefined;
  kind?: 'booked' | 'walk_in' | undefined;
  outcomeCode?: OutcomeCode | undefined;
  /** Staff scope: only consultations in these departments or handled by this member. */
  visibleTo?: { staffId: string; departmentIds: string[] } | undefined;
}

export interface QueuedIntake {
  departmentId: string | null;
  appointmentId: string | null;
  language: Language;
  /** The node that holds the consultation. */
  nodeId: string;
  /** The leg this one continues, when staff handed the resident over. */
  transferredFrom?: string | undefined;
}

/** How long after a call the kiosk may still submit its survey. */
export const SURVEY_WINDOW_SECONDS = 10 * 60;

/**
 * Consultation records (one row per visit; the table keeps its old name `consultation_session`
 * and its columns, so stored data needs no change). State changes are conditional updates, so a second writer (another
 * staff member accepting, a late hang-up) changes nothing and learns so from the result.
 */
export class ConsultationRepository {
  private readonly repo: Repository<ConsultationRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(ConsultationEntity);
  }

  async createQueued(kioskId: string, queuedAt: Date, intake: QueuedIntake): Promise<{ id: string; queuedAt: Date }> {
    // A handed-over resident's next leg belongs to the same consultation as the leg before it.
    const previous: { consultation_id: string; leg: number }[] = intake.transferredFrom
      ? await this.dataSource.query(`SELECT COALESCE(consultation_id, id) AS consultation_id, leg FROM consultation_session WHERE id = $1`, [intake.transferredFrom])
      : [];
    const before = previous[0];
    const row = await this.repo.save(
      this.repo.create({
        kioskId,
        queuedAt,
        staffId: null,
        answeredAt: null,
        endedAt: null,
        endReason: null,
        departmentId: intake.departmentId,
        appointmentId: intake.appointmentId,
        language: intake.language,
        notes: '',
        nodeId: intake.nodeId,
        firstLegId: before?.consultation_id ?? null,
        leg: before ? Number(before.leg) + 1 : 1,
      }),
    );
    return { id: row.id, queuedAt: row.queuedAt };
  }

  /** True if this call answered it; false if it was already answered or ended. */
  async markAnswered(id: string, staffId: string, answeredAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE consultation_session SET staff_id = $2, answered_at = $3
        WHERE id = $1 AND answered_at IS NULL AND ended_at IS NULL RETURNING id`,
      [id, staffId, answeredAt],
    );
    return affected(rows) === 1;
  }

  /**
   * True if this call ended it; false if it had ended already. The row's one `ended` event is
   * written by the same statement, so a retried or repeated end never adds a second one.
   */
  async markEnded(id: string, reason: EndReason, endedAt: Date, mediaFlag: MediaFlag | null = null): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE consultation_session
            SET ended_at = GREATEST($3::timestamptz, COALESCE(answered_at, queued_at)), end_reason = $2,
                media_flag = COALESCE($4, media_flag)
          WHERE id = $1 AND ended_at IS NULL RETURNING id, ended_at, end_reason)
       INSERT INTO session_event (session_id, at, type, actor, details)
       SELECT id, ended_at, 'ended', 'system', jsonb_build_object('reason', end_reason::text) FROM closed RETURNING session_id`,
      [id, reason, endedAt, mediaFlag],
    );
    return affected(rows) === 1;
  }

  /** How a consultation this participant (kiosk or staff id) took part in ended; null if it has not, or is not theirs. */
  async endOf(id: string, participantId: string): Promise<{ reason: EndReason; answered: boolean } | null> {
    const rows: { end_reason: EndReason; answered_at: Date | null }[] = await this.dataSource.query(
      `SELECT end_reason, answered_at FROM consultation_session
        WHERE id = $1 AND ended_at IS NOT NULL AND (kiosk_id = $2 OR staff_id = $2)`,
      [id, participantId],
    );
    const row = rows[0];
    return row ? { reason: row.end_reason, answered: row.answered_at !== null } : null;
  }

  /**
   * A staff member's latest call that ended within `withinSeconds` with no outcome recorded. A leg
   * they handed to another department counts: its outcome is theirs to record.
   */
  async latestUnrecorded(staffId: string, now: Date, withinSeconds: number): Promise<{ id: string; reason: EndReason; kioskName: string } | null> {
    const rows: { id: string; end_reason: EndReason; kiosk_name: string }[] = await this.dataSource.query(
      `SELECT s.id, s.end_reason, k.name AS kiosk_name FROM consultation_session s JOIN kiosk k ON k.id = s.kiosk_id
        WHERE s.staff_id = $1 AND s.outcome_code IS NULL
          AND s.ended_at > $2::timestamptz - make_interval(secs => $3)
        ORDER BY s.ended_at DESC LIMIT 1`,
      [staffId, now, withinSeconds],
    );
    const row = rows[0];
    return row ? { id: row.id, reason: row.end_reason, kioskName: row.kiosk_name } : null;
  }

  /** Once per answered consultation, by its kiosk, within the survey window. */
  async recordSatisfaction(id: string, kioskId: string, rating: number, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE consultation_session SET satisfaction = $3
        WHERE id = $1 AND kiosk_id = $2 AND satisfaction IS NULL AND answered_at IS NOT NULL
          AND ended_at IS NOT NULL AND ended_at > $4::timestamptz - make_interval(secs => ${SURVEY_WINDOW_SECONDS})
        RETURNING id`,
      [id, kioskId, rating, now],
    );
    return affected(rows) === 1;
  }

  /** `at`: when staff recorded it (a write that waited out a database outage keeps its time). */
  async recordOutcome(id: string, outcomeCode: OutcomeCode, notes: string, at: Date = new Date()): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE consultation_session SET outcome_code = $2, notes = $3, outcome_at = $4
        WHERE id = $1 AND answered_at IS NOT NULL RETURNING id`,
      [id, outcomeCode, notes, at],
    );
    return affected(rows) === 1;
  }

  /** How long the last `limit` answered consultations lasted, in seconds. */
  async recentDurations(limit: number): Promise<number[]> {
    const rows: { duration: number }[] = await this.dataSource.query(
      `SELECT date_part('epoch', ended_at - answered_at) AS duration FROM consultation_session
        WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => Number(r.duration));
  }

  /**
   * Staff in an answered call that has not ended, whichever node holds it: the record is the
   * one view of every node's calls that all nodes share.
   */
  async staffInOpenCalls(): Promise<string[]> {
    const rows: { staff_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT staff_id FROM consultation_session
        WHERE ended_at IS NULL AND answered_at IS NOT NULL AND staff_id IS NOT NULL`,
    );
    return rows.map((r) => r.staff_id);
  }

  async recordQuality(id: string, quality: QualitySummary): Promise<void> {
    await this.dataSource.query(`UPDATE consultation_session SET quality = $2 WHERE id = $1`, [id, JSON.stringify(quality)]);
  }

  async findById(id: string): Promise<ConsultationRecord | null> {
    const rows: ConsultationListRow[] = await this.dataSource.query(`${SELECT_RECORD} ${FROM_RECORD} WHERE s.id = $1`, [id]);
    const row = rows[0];
    return row ? toConsultationRecord(row) : null;
  }

  /** Every leg of one consultation (given the id of any of its legs), in order. */
  async legsOf(id: string): Promise<ConsultationLeg[]> {
    const legs = await this.legsOfConsultations([id], 'leg');
    return legs.get(id) ?? [];
  }

  /**
   * The legs of several consultations in one query, keyed by the id they were asked by (any
   * leg's id when `by` is 'leg'; the consultation's id, i.e. its first leg's, when 'consultation').
   */
  private async legsOfConsultations(ids: readonly string[], by: 'leg' | 'consultation'): Promise<Map<string, ConsultationLeg[]>> {
    const asked = by === 'leg'
      ? `SELECT a.id AS key, COALESCE(a.consultation_id, a.id) AS cid FROM consultation_session a WHERE a.id = ANY($1::uuid[])`
      : `SELECT k AS key, k AS cid FROM unnest($1::uuid[]) AS k`;
    const rows: (LegRow & { key: string })[] = await this.dataSource.query(
      `WITH asked AS (${asked})
       SELECT asked.key, s.id, s.leg, d.name AS department_name, u.display_name AS staff_name, s.queued_at, s.answered_at, s.ended_at, s.end_reason, s.outcome_code
         FROM asked
         JOIN consultation_session s ON COALESCE(s.consultation_id, s.id) = asked.cid
         LEFT JOIN department d ON d.id = s.department_id
         LEFT JOIN staff_user u ON u.id = s.staff_id
        ORDER BY asked.key, s.leg, s.queued_at`,
      [ids],
    );
    const legs = new Map<string, ConsultationLeg[]>();
    for (const row of rows) legs.set(row.key, [...(legs.get(row.key) ?? []), toLeg(row)]);
    return legs;
  }

  /**
   * One row per consultation, however many departments served it. A consultation is listed when
   * any of its legs matches the department, kiosk, staff, kind, outcome and visibility filters
   * (so a handed-over resident is found under either department); the dates bound its start and
   * the status is its last leg's. Paging counts consultations.
   */
  async list(filter: ConsultationFilter): Promise<Page<ConsultationListItem>> {
    const statusClause: Record<ConsultationState, string> = {
      queued: 'l.answered_at IS NULL AND l.ended_at IS NULL',
      active: 'l.answered_at IS NOT NULL AND l.ended_at IS NULL',
      ended: 'l.ended_at IS NOT NULL',
    };
    const rows: (ConsultationListRow & { consultation_satisfaction: number | null })[] = await this.dataSource.query(
      `WITH matched AS (
         SELECT DISTINCT COALESCE(s.consultation_id, s.id) AS cid FROM consultation_session s
          WHERE ($3::uuid IS NULL OR s.department_id = $3)
            AND ($4::uuid IS NULL OR s.kiosk_id = $4)
            AND ($5::uuid IS NULL OR s.staff_id = $5)
            AND ($6::text IS NULL OR ($6 = 'booked') = (s.appointment_id IS NOT NULL))
            AND ($7::text IS NULL OR s.outcome_code = $7)
            AND ($8::uuid IS NULL OR s.staff_id = $8 OR s.department_id IS NULL OR s.department_id = ANY($9::uuid[])))
       ${SELECT_RECORD}, count(*) OVER () AS total,
              -- The kiosk rates the visit once, on whichever leg was last: the consultation's rating.
              (SELECT max(r.satisfaction) FROM consultation_session r WHERE COALESCE(r.consultation_id, r.id) = s.id) AS consultation_satisfaction
         ${FROM_RECORD}
         JOIN matched ON matched.cid = s.id
        WHERE ($1::timestamptz IS NULL OR s.queued_at >= $1)
          AND ($2::timestamptz IS NULL OR s.queued_at < $2)
          ${filter.status ? `AND EXISTS (SELECT 1 FROM consultation_session l WHERE COALESCE(l.consultation_id, l.id) = s.id AND ${statusClause[filter.status]}
                AND NOT EXISTS (SELECT 1 FROM consultation_session n WHERE n.consultation_id = s.id AND n.leg > l.leg))` : ''}
        ORDER BY s.queued_at DESC, s.id
        LIMIT $10 OFFSET $11`,
      [
        filter.from ?? null, filter.to ?? null, filter.departmentId ?? null, filter.kioskId ?? null,
        filter.staffId ?? null, filter.kind ?? null, filter.outcomeCode ?? null,
        filter.visibleTo?.staffId ?? null, filter.visibleTo?.departmentIds ?? [],
        filter.pageSize, (filter.page - 1) * filter.pageSize,
      ],
    );
    const legs = await this.legsOfConsultations(rows.map((r) => r.id), 'consultation');
    const items = rows.map((row) => ({ ...asConsultation(toConsultationRecord(row), legs.get(row.id) ?? []), satisfaction: row.consultation_satisfaction }));
    return { items, total: Number(rows[0]?.total ?? 0), page: filter.page, pageSize: filter.pageSize };
  }
}

/** One leg in a consultation's list of legs: the columns of a record row it needs. */
type LegRow = Pick<ConsultationListRow, 'id' | 'leg' | 'department_name' | 'staff_name' | 'queued_at' | 'answered_at' | 'ended_at' | 'end_reason' | 'outcome_code'>;

const toLeg = (row: LegRow): ConsultationLeg => ({
  consultationId: row.id,
  leg: Number(row.leg),
  departmentName: row.department_name,
  staffName: row.staff_name,
  queuedAt: row.queued_at.toISOString(),
  answeredAt: row.answered_at?.toISOString() ?? null,
  endedAt: row.ended_at?.toISOString() ?? null,
  endReason: row.end_reason,
  outcomeCode: row.outcome_code,
});

/**
 * A consultation as one row: its first leg's record, but over when (and as) its last leg ended,
 * and lasting from the first answer to that end.
 */
function asConsultation(first: ConsultationRecord, legs: ConsultationLeg[]): ConsultationListItem {
  const last = legs.at(-1);
  if (!last || legs.length < 2) return { ...first, legs };
  const status: ConsultationState = last.endedAt ? 'ended' : last.answeredAt ? 'active' : 'queued';
  const answeredAt = first.answeredAt ? new Date(first.answeredAt) : null;
  return {
    ...first,
    status,
    endedAt: last.endedAt,
    endReason: last.endReason,
    durationSeconds: answeredAt && last.endedAt ? seconds(answeredAt, new Date(last.endedAt)) : null,
    legs,
  };
}

const affected = (result: unknown): number => returnedRows(result).length;
