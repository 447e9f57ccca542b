import type { DataSource, Repository } from 'typeorm';
import type { EndReason, SessionRecord } from '../../contract/consultation';
import { ConsultationSessionEntity, type ConsultationSessionRow } from '../entities/consultation-session-entity';

interface SessionListRow {
  id: string;
  kiosk_id: string;
  kiosk_name: string;
  staff_id: string | null;
  staff_name: string | null;
  queued_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  end_reason: EndReason | null;
}

const seconds = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / 1000);

function toSessionRecord(row: SessionListRow): SessionRecord {
  const waitEnd = row.answered_at ?? row.ended_at;
  return {
    id: row.id,
    kioskId: row.kiosk_id,
    kioskName: row.kiosk_name,
    staffId: row.staff_id,
    staffName: row.staff_name,
    queuedAt: row.queued_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    waitSeconds: waitEnd ? seconds(row.queued_at, waitEnd) : null,
    durationSeconds: row.answered_at && row.ended_at ? seconds(row.answered_at, row.ended_at) : null,
  };
}

const SELECT_RECORD = `
  SELECT s.id, s.kiosk_id, k.name AS kiosk_name, s.staff_id, u.display_name AS staff_name,
         s.queued_at, s.answered_at, s.ended_at, s.end_reason
    FROM consultation_session s
    JOIN kiosk k ON k.id = s.kiosk_id
    LEFT JOIN staff_user u ON u.id = s.staff_id`;

/**
 * Consultation records. State changes are conditional updates, so a second writer (another
 * staff member accepting, a late hang-up) changes nothing and learns so from the result.
 */
export class ConsultationSessionRepository {
  private readonly repo: Repository<ConsultationSessionRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(ConsultationSessionEntity);
  }

  async createQueued(kioskId: string, queuedAt: Date): Promise<{ id: string; queuedAt: Date }> {
    const row = await this.repo.save(
      this.repo.create({ kioskId, queuedAt, staffId: null, answeredAt: null, endedAt: null, endReason: null }),
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

  /** True if this call ended it; false if it had ended already. */
  async markEnded(id: string, reason: EndReason, endedAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE consultation_session
          SET ended_at = GREATEST($3::timestamptz, COALESCE(answered_at, queued_at)), end_reason = $2
        WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [id, reason, endedAt],
    );
    return affected(rows) === 1;
  }

  /** Closes what a previous process left open; returns how many. */
  async endAllOpen(reason: EndReason, endedAt: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE consultation_session
          SET ended_at = GREATEST($2::timestamptz, COALESCE(answered_at, queued_at)), end_reason = $1
        WHERE ended_at IS NULL RETURNING id`,
      [reason, endedAt],
    );
    return affected(rows);
  }

  async findById(id: string): Promise<SessionRecord | null> {
    const rows: SessionListRow[] = await this.dataSource.query(`${SELECT_RECORD} WHERE s.id = $1`, [id]);
    const row = rows[0];
    return row ? toSessionRecord(row) : null;
  }

  async list(options: { limit: number }): Promise<SessionRecord[]> {
    const rows: SessionListRow[] = await this.dataSource.query(
      `${SELECT_RECORD} ORDER BY s.queued_at DESC LIMIT $1`,
      [options.limit],
    );
    return rows.map(toSessionRecord);
  }
}

/** node-postgres returns `[rows, count]` for UPDATE ... RETURNING through TypeORM. */
function affected(result: unknown[]): number {
  if (Array.isArray(result[0])) return (result[0] as unknown[]).length;
  return result.length;
}
