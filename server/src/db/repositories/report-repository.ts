import type { DataSource } from 'typeorm';
import type { ReportFigures, ReportRow } from '@madoguchi/contract/reports';

export interface ReportScope {
  /** [from, to) instants: whole Japan days. */
  from: Date;
  to: Date;
  granularity: 'day' | 'week' | 'month';
  groupBy: 'none' | 'department' | 'kiosk';
  departmentId?: string | undefined;
  kioskId?: string | undefined;
}

export interface ReportData {
  rows: Omit<ReportRow, 'groupName'>[];
  totals: ReportFigures;
  sessionsByHour: number[];
}

type Counts = Record<string, string | null>;

// GROUP BY treats NULLs as one group, but a placeholder keeps "no department" distinct from "not grouped".
const NO_GROUP = '00000000-0000-0000-0000-000000000000';

/** Column names per grouping; never built from request text. */
const GROUP_COLUMN = { none: null, department: 'department_id', kiosk: 'kiosk_id' } as const;

/**
 * Japan has a fixed +09:00 offset (no daylight saving since 1951), so UTC + 9 h is Japan's wall
 * clock exactly, and much cheaper per row than a time-zone lookup.
 */
const japanLocal = (column: string): string => `((${column} AT TIME ZONE 'UTC') + interval '9 hours')`;

/** Granularity comes from the zod enum, never from free text. */
const PERIOD_FIELD = { day: 'day', week: 'week', month: 'month' } as const;
// A date key sorts and compares much faster than text (which may carry a collation); it
// becomes text only in the few output rows.
const periodExpr = (scope: ReportScope, local: string): string => `date_trunc('${PERIOD_FIELD[scope.granularity]}', ${local})::date`;

const groupExpr = (scope: ReportScope, alias: string): string => {
  const column = GROUP_COLUMN[scope.groupBy];
  return column ? `COALESCE(${alias}.${column}, '${NO_GROUP}')` : `'${NO_GROUP}'::uuid`;
};

/**
 * One sort over the sessions gives the per-period rows and the totals (GROUPING SETS with a
 * common prefix); `g` is 0 for a period row and 3 for the totals.
 */
function sessionsSql(scope: ReportScope): string {
  return `
    SELECT GROUPING(period, group_id) AS g, period::text AS period, group_id,
           count(*) AS sessions,
           count(*) FILTER (WHERE booked) AS booked,
           count(*) FILTER (WHERE NOT booked) AS walk_in,
           count(wait) AS answered,
           count(*) FILTER (WHERE wait IS NULL AND ended) AS abandoned,
           count(*) FILTER (WHERE media_flag = 'media_failed') AS media_failed,
           count(*) FILTER (WHERE media_flag = 'tcp_fallback') AS tcp_fallback,
           count(*) FILTER (WHERE end_reason = 'resident_absent') AS resident_absent,
           avg(wait) AS mean_wait,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90_wait,
           avg(duration) AS mean_duration,
           count(*) FILTER (WHERE satisfaction = 1) AS s1,
           count(*) FILTER (WHERE satisfaction = 2) AS s2,
           count(*) FILTER (WHERE satisfaction = 3) AS s3,
           count(*) FILTER (WHERE satisfaction = 4) AS s4,
           count(*) FILTER (WHERE satisfaction = 5) AS s5,
           avg(satisfaction) AS satisfaction_mean
      FROM (
        SELECT ${periodExpr(scope, 'local')} AS period, ${groupExpr(scope, 's')} AS group_id,
               s.appointment_id IS NOT NULL AS booked, s.ended_at IS NOT NULL AS ended, s.end_reason,
               date_part('epoch', s.answered_at - s.queued_at) AS wait,
               date_part('epoch', s.ended_at - s.answered_at) AS duration, s.satisfaction, s.media_flag
          FROM consultation_session s CROSS JOIN LATERAL (SELECT ${japanLocal('s.queued_at')} AS local) l
         WHERE s.queued_at >= $1 AND s.queued_at < $2
           AND ($3::uuid IS NULL OR s.department_id = $3) AND ($4::uuid IS NULL OR s.kiosk_id = $4)
      ) x
     GROUP BY GROUPING SETS ((period, group_id), ())`;
}

/** Sessions by Japan hour of day: counts only, so a hash aggregate with no sort. */
function hoursSql(): string {
  return `
    SELECT date_part('hour', ${japanLocal('s.queued_at')})::int AS hour, count(*) AS sessions
      FROM consultation_session s
     WHERE s.queued_at >= $1 AND s.queued_at < $2
       AND ($3::uuid IS NULL OR s.department_id = $3) AND ($4::uuid IS NULL OR s.kiosk_id = $4)
     GROUP BY 1`;
}

function appointmentsSql(scope: ReportScope): string {
  return `
    SELECT GROUPING(period, group_id) AS g, period::text AS period, group_id,
           count(*) FILTER (WHERE status <> 'cancelled') AS appointments,
           count(*) FILTER (WHERE status = 'no_show') AS no_shows
      FROM (
        SELECT ${periodExpr(scope, japanLocal('a.starts_at'))} AS period,
               ${groupExpr(scope, 'a')} AS group_id, a.status
          FROM appointment a
         WHERE a.starts_at >= $1 AND a.starts_at < $2
           AND ($3::uuid IS NULL OR a.department_id = $3) AND ($4::uuid IS NULL OR a.kiosk_id = $4)
      ) x
     GROUP BY GROUPING SETS ((period, group_id), ())`;
}

const int = (value: string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const real = (value: string | null | undefined, digits = 1): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits;

function toFigures(sessions: Counts | undefined, appointmentsRow: Counts | undefined): ReportFigures {
  const appointments = int(appointmentsRow?.['appointments']);
  const noShows = int(appointmentsRow?.['no_shows']);
  return {
    sessions: int(sessions?.['sessions']),
    booked: int(sessions?.['booked']),
    walkIn: int(sessions?.['walk_in']),
    answered: int(sessions?.['answered']),
    abandoned: int(sessions?.['abandoned']),
    mediaFailed: int(sessions?.['media_failed']),
    tcpFallback: int(sessions?.['tcp_fallback']),
    residentAbsent: int(sessions?.['resident_absent']),
    appointments,
    noShows,
    noShowRate: appointments > 0 ? Math.round((noShows / appointments) * 1000) / 1000 : null,
    meanWaitSeconds: real(sessions?.['mean_wait']),
    p90WaitSeconds: real(sessions?.['p90_wait']),
    meanDurationSeconds: real(sessions?.['mean_duration']),
    satisfaction: [int(sessions?.['s1']), int(sessions?.['s2']), int(sessions?.['s3']), int(sessions?.['s4']), int(sessions?.['s5'])],
    satisfactionMean: real(sessions?.['satisfaction_mean'], 2),
  };
}

/** The arithmetic of the reports, in SQL so that 100,000 sessions stay fast. */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async compute(scope: ReportScope): Promise<ReportData> {
    const params = [scope.from, scope.to, scope.departmentId ?? null, scope.kioskId ?? null];
    const [sessionRows, appointmentRows, hourRows] = await this.dataSource.transaction(async (manager) => {
      // percentile_cont sorts each group; keep a year of sessions in memory rather than on disk.
      await manager.query(`SET LOCAL work_mem = '32MB'`);
      const sessions: Counts[] = await manager.query(sessionsSql(scope), params);
      const appointments: Counts[] = await manager.query(appointmentsSql(scope), params);
      const hours: Counts[] = await manager.query(hoursSql(), params);
      return [sessions, appointments, hours] as const;
    });

    const key = (row: Counts): string => `${row['period']}|${row['group_id']}`;
    const byCell = new Map<string, { period: string; groupId: string; sessions?: Counts; appointments?: Counts }>();
    const cell = (row: Counts) => {
      const k = key(row);
      const existing = byCell.get(k) ?? { period: String(row['period']), groupId: String(row['group_id']) };
      byCell.set(k, existing);
      return existing;
    };
    let sessionTotals: Counts | undefined;
    let appointmentTotals: Counts | undefined;
    const sessionsByHour = Array.from({ length: 24 }, () => 0);
    for (const row of sessionRows) {
      if (Number(row['g']) === 0) cell(row).sessions = row;
      else sessionTotals = row;
    }
    for (const row of hourRows) sessionsByHour[Number(row['hour'])] = int(row['sessions']);
    for (const row of appointmentRows) {
      if (Number(row['g']) === 0) cell(row).appointments = row;
      else appointmentTotals = row;
    }
    const rows = [...byCell.values()]
      .sort((a, b) => a.period.localeCompare(b.period) || a.groupId.localeCompare(b.groupId))
      .map((c) => ({
        ...toFigures(c.sessions, c.appointments),
        period: c.period,
        groupId: c.groupId !== NO_GROUP ? c.groupId : null,
      }));
    return { rows, totals: toFigures(sessionTotals, appointmentTotals), sessionsByHour };
  }
}
