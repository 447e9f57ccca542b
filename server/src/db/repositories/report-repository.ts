import type { DataSource } from 'typeorm';
import type { ReportFigures, ReportRow } from '../../contract/reports';

export interface ReportScope {
  /** [from, to) instants: whole Japan days. */
  from: Date;
  to: Date;
  granularity: 'day' | 'week' | 'month';
  groupBy: 'none' | 'department' | 'kiosk';
  departmentId?: string | undefined;
  kioskId?: string | undefined;
}

interface FiguresRow {
  period?: string | null;
  group_id?: string | null;
  sessions: string | null;
  booked: string | null;
  walk_in: string | null;
  answered: string | null;
  abandoned: string | null;
  appointments: string | null;
  no_shows: string | null;
  mean_wait: string | null;
  p90_wait: string | null;
  mean_duration: string | null;
  s1: string | null;
  s2: string | null;
  s3: string | null;
  s4: string | null;
  s5: string | null;
  satisfaction_mean: string | null;
}

const TZ = `'Asia/Tokyo'`;
const NO_GROUP = '00000000-0000-0000-0000-000000000000';

/** Column expressions per grouping; never built from request text. */
const GROUP_COLUMN = { none: null, department: 'department_id', kiosk: 'kiosk_id' } as const;

function figuresSql(scope: ReportScope, grouped: boolean): string {
  const groupColumn = GROUP_COLUMN[scope.groupBy];
  const periodOf = (column: string): string => `to_char(date_trunc($3::text, ${column} AT TIME ZONE ${TZ}), 'YYYY-MM-DD')`;
  // FULL JOIN ... USING never matches NULLs, so "no group" is a fixed placeholder id.
  const groupOf = (alias: string): string => (groupColumn ? `COALESCE(${alias}.${groupColumn}, '${NO_GROUP}')` : `'${NO_GROUP}'::uuid`);
  const keys = grouped ? ['period', 'group_id'] : [];
  const select = (alias: string, timeColumn: string): string =>
    grouped ? `${periodOf(`${alias}.${timeColumn}`)} AS period, ${groupOf(alias)} AS group_id,` : '';
  const groupBy = grouped ? 'GROUP BY 1, 2' : '';
  const join = grouped ? `FULL JOIN a USING (${keys.join(', ')})` : 'CROSS JOIN a';
  return `
    WITH s AS (
      SELECT ${select('s', 'queued_at')}
             count(*) AS sessions,
             count(*) FILTER (WHERE s.appointment_id IS NOT NULL) AS booked,
             count(*) FILTER (WHERE s.appointment_id IS NULL) AS walk_in,
             count(*) FILTER (WHERE s.answered_at IS NOT NULL) AS answered,
             count(*) FILTER (WHERE s.answered_at IS NULL AND s.ended_at IS NOT NULL) AS abandoned,
             avg(EXTRACT(EPOCH FROM s.answered_at - s.queued_at)) AS mean_wait,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM s.answered_at - s.queued_at)) AS p90_wait,
             avg(EXTRACT(EPOCH FROM s.ended_at - s.answered_at)) AS mean_duration,
             count(*) FILTER (WHERE s.satisfaction = 1) AS s1,
             count(*) FILTER (WHERE s.satisfaction = 2) AS s2,
             count(*) FILTER (WHERE s.satisfaction = 3) AS s3,
             count(*) FILTER (WHERE s.satisfaction = 4) AS s4,
             count(*) FILTER (WHERE s.satisfaction = 5) AS s5,
             avg(s.satisfaction) AS satisfaction_mean
        FROM consultation_session s
       WHERE s.queued_at >= $1 AND s.queued_at < $2
         AND ($4::uuid IS NULL OR s.department_id = $4) AND ($5::uuid IS NULL OR s.kiosk_id = $5)
         AND $3::text IS NOT NULL
       ${groupBy}
    ), a AS (
      SELECT ${select('a', 'starts_at')}
             count(*) FILTER (WHERE a.status <> 'cancelled') AS appointments,
             count(*) FILTER (WHERE a.status = 'no_show') AS no_shows
        FROM appointment a
       WHERE a.starts_at >= $1 AND a.starts_at < $2
         AND ($4::uuid IS NULL OR a.department_id = $4) AND ($5::uuid IS NULL OR a.kiosk_id = $5)
       ${groupBy}
    )
    SELECT * FROM s ${join} ${grouped ? 'ORDER BY period, group_id' : ''}`;
}

const int = (value: string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const real = (value: string | null | undefined, digits = 1): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;

function toFigures(row: FiguresRow | undefined): ReportFigures {
  const appointments = int(row?.appointments);
  const noShows = int(row?.no_shows);
  return {
    sessions: int(row?.sessions),
    booked: int(row?.booked),
    walkIn: int(row?.walk_in),
    answered: int(row?.answered),
    abandoned: int(row?.abandoned),
    appointments,
    noShows,
    noShowRate: appointments > 0 ? Math.round((noShows / appointments) * 1000) / 1000 : null,
    meanWaitSeconds: real(row?.mean_wait),
    p90WaitSeconds: real(row?.p90_wait),
    meanDurationSeconds: real(row?.mean_duration),
    satisfaction: [int(row?.s1), int(row?.s2), int(row?.s3), int(row?.s4), int(row?.s5)],
    satisfactionMean: real(row?.satisfaction_mean, 2),
  };
}

/** The arithmetic of the reports, in SQL so that 100,000 sessions stay fast. */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  private params(scope: ReportScope): unknown[] {
    return [scope.from, scope.to, scope.granularity, scope.departmentId ?? null, scope.kioskId ?? null];
  }

  async rows(scope: ReportScope): Promise<Omit<ReportRow, 'groupName'>[]> {
    const rows: FiguresRow[] = await this.dataSource.query(figuresSql(scope, true), this.params(scope));
    return rows.map((row) => ({
      ...toFigures(row),
      period: row.period ?? '',
      groupId: row.group_id && row.group_id !== NO_GROUP ? row.group_id : null,
    }));
  }

  async totals(scope: ReportScope): Promise<ReportFigures> {
    const rows: FiguresRow[] = await this.dataSource.query(figuresSql(scope, false), this.params(scope));
    return toFigures(rows[0]);
  }

  async sessionsByHour(scope: ReportScope): Promise<number[]> {
    const rows: { hour: number; sessions: string }[] = await this.dataSource.query(
      `SELECT EXTRACT(HOUR FROM s.queued_at AT TIME ZONE ${TZ})::int AS hour, count(*) AS sessions
         FROM consultation_session s
        WHERE s.queued_at >= $1 AND s.queued_at < $2
          AND ($4::uuid IS NULL OR s.department_id = $4) AND ($5::uuid IS NULL OR s.kiosk_id = $5)
          AND $3::text IS NOT NULL
        GROUP BY 1`,
      this.params(scope),
    );
    const hours = Array.from({ length: 24 }, () => 0);
    for (const row of rows) hours[row.hour] = Number(row.sessions);
    return hours;
  }
}
