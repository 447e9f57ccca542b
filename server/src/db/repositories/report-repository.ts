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
  consultationsByHour: number[];
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
 * What the figures count. A resident handed to another department is one consultation of two
 * legs: reports count consultations (`consultation`), except where a department's own figures
 * are asked for (grouped or filtered by department), which count that department's legs (`leg`).
 */
export type ReportUnit = 'consultation' | 'leg';

const FILTERS = `($3::uuid IS NULL OR s.department_id = $3) AND ($4::uuid IS NULL OR s.kiosk_id = $4)`;

/** Legs queued in [$1, $2): every consultation row. */
const LEGS_SQL = `
  SELECT s.queued_at, s.kiosk_id, s.department_id, s.appointment_id IS NOT NULL AS booked, s.answered_at, s.ended_at,
         s.end_reason, s.satisfaction, s.media_flag
    FROM consultation_session s
   WHERE s.queued_at >= $1 AND s.queued_at < $2 AND ${FILTERS}`;

/**
 * Consultations whose first leg was queued in [$1, $2), each made of its legs: waited until the
 * first answer, lasted from the first answer to the end of the last leg, ended how its last leg
 * ended, rated once (the kiosk rates the last leg). Later legs are looked for a day past $2.
 */
const CONSULTATIONS_SQL = `
  SELECT min(s.queued_at) AS queued_at, (array_agg(s.kiosk_id ORDER BY s.leg))[1] AS kiosk_id,
         (array_agg(s.department_id ORDER BY s.leg))[1] AS department_id, bool_or(s.appointment_id IS NOT NULL) AS booked,
         min(s.answered_at) AS answered_at,
         CASE WHEN bool_and(s.ended_at IS NOT NULL) THEN max(s.ended_at) END AS ended_at,
         (array_agg(s.end_reason ORDER BY s.leg DESC))[1] AS end_reason, max(s.satisfaction) AS satisfaction,
         CASE WHEN bool_or(s.media_flag = 'media_failed') THEN 'media_failed' WHEN bool_or(s.media_flag = 'tcp_fallback') THEN 'tcp_fallback' END AS media_flag
    FROM consultation_session s
   WHERE s.queued_at >= $1 AND s.queued_at < $2::timestamptz + interval '1 day' AND ${FILTERS}
   GROUP BY COALESCE(s.consultation_id, s.id)
  HAVING bool_or(s.consultation_id IS NULL AND s.queued_at < $2)`;

const unitsSql = (unit: ReportUnit): string => (unit === 'leg' ? LEGS_SQL : CONSULTATIONS_SQL);

/** Department figures are by leg; everything else counts each consultation once. */
export const rowUnitOf = (scope: ReportScope): ReportUnit => (scope.groupBy === 'department' || scope.departmentId ? 'leg' : 'consultation');
/** Totals count consultations, unless the whole report is about one department's legs. */
export const totalsUnitOf = (scope: ReportScope): ReportUnit => (scope.departmentId ? 'leg' : 'consultation');

/**
 * One sort over the units gives the per-period rows and the totals (GROUPING SETS with a
 * common prefix); `g` is 0 for a period row and 3 for the totals.
 */
function consultationsSql(scope: ReportScope, unit: ReportUnit): string {
  return `
    SELECT GROUPING(period, group_id) AS g, period::text AS period, group_id,
           count(*) AS consultations,
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
               s.booked, s.ended_at IS NOT NULL AS ended, s.end_reason,
               date_part('epoch', s.answered_at - s.queued_at) AS wait,
               date_part('epoch', s.ended_at - s.answered_at) AS duration, s.satisfaction, s.media_flag
          FROM (${unitsSql(unit)}) s CROSS JOIN LATERAL (SELECT ${japanLocal('s.queued_at')} AS local) l
      ) x
     GROUP BY GROUPING SETS ((period, group_id), ())`;
}

/** Consultations (or legs) by Japan hour of day: counts only, so a hash aggregate with no sort. */
function hoursSql(unit: ReportUnit): string {
  return `
    SELECT date_part('hour', ${japanLocal('s.queued_at')})::int AS hour, count(*) AS consultations
      FROM (${unitsSql(unit)}) s
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

function toFigures(consultations: Counts | undefined, appointmentsRow: Counts | undefined): ReportFigures {
  const appointments = int(appointmentsRow?.['appointments']);
  const noShows = int(appointmentsRow?.['no_shows']);
  return {
    consultations: int(consultations?.['consultations']),
    booked: int(consultations?.['booked']),
    walkIn: int(consultations?.['walk_in']),
    answered: int(consultations?.['answered']),
    abandoned: int(consultations?.['abandoned']),
    mediaFailed: int(consultations?.['media_failed']),
    tcpFallback: int(consultations?.['tcp_fallback']),
    residentAbsent: int(consultations?.['resident_absent']),
    appointments,
    noShows,
    noShowRate: appointments > 0 ? Math.round((noShows / appointments) * 1000) / 1000 : null,
    meanWaitSeconds: real(consultations?.['mean_wait']),
    p90WaitSeconds: real(consultations?.['p90_wait']),
    meanDurationSeconds: real(consultations?.['mean_duration']),
    satisfaction: [int(consultations?.['s1']), int(consultations?.['s2']), int(consultations?.['s3']), int(consultations?.['s4']), int(consultations?.['s5'])],
    satisfactionMean: real(consultations?.['satisfaction_mean'], 2),
  };
}

/** The arithmetic of the reports, in SQL so that 100,000 consultations stay fast. */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async compute(scope: ReportScope): Promise<ReportData> {
    const params = [scope.from, scope.to, scope.departmentId ?? null, scope.kioskId ?? null];
    const [consultationRows, appointmentRows, hourRows] = await this.dataSource.transaction(async (manager) => {
      // percentile_cont sorts each group; keep a year of consultations in memory rather than on disk.
      await manager.query(`SET LOCAL work_mem = '32MB'`);
      const rowUnit = rowUnitOf(scope);
      const totalsUnit = totalsUnitOf(scope);
      let consultations: Counts[] = await manager.query(consultationsSql(scope, rowUnit), params);
      if (totalsUnit !== rowUnit) {
        // Per-department rows count legs; the totals still count each consultation once.
        const totals: Counts[] = await manager.query(consultationsSql(scope, totalsUnit), params);
        consultations = [...consultations.filter((row) => Number(row['g']) === 0), ...totals.filter((row) => Number(row['g']) !== 0)];
      }
      const appointments: Counts[] = await manager.query(appointmentsSql(scope), params);
      const hours: Counts[] = await manager.query(hoursSql(totalsUnit), params);
      return [consultations, appointments, hours] as const;
    });

    const key = (row: Counts): string => `${row['period']}|${row['group_id']}`;
    const byCell = new Map<string, { period: string; groupId: string; consultations?: Counts; appointments?: Counts }>();
    const cell = (row: Counts) => {
      const k = key(row);
      const existing = byCell.get(k) ?? { period: String(row['period']), groupId: String(row['group_id']) };
      byCell.set(k, existing);
      return existing;
    };
    let consultationTotals: Counts | undefined;
    let appointmentTotals: Counts | undefined;
    const consultationsByHour = Array.from({ length: 24 }, () => 0);
    for (const row of consultationRows) {
      if (Number(row['g']) === 0) cell(row).consultations = row;
      else consultationTotals = row;
    }
    for (const row of hourRows) consultationsByHour[Number(row['hour'])] = int(row['consultations']);
    for (const row of appointmentRows) {
      if (Number(row['g']) === 0) cell(row).appointments = row;
      else appointmentTotals = row;
    }
    const rows = [...byCell.values()]
      .sort((a, b) => a.period.localeCompare(b.period) || a.groupId.localeCompare(b.groupId))
      .map((c) => ({
        ...toFigures(c.consultations, c.appointments),
        period: c.period,
        groupId: c.groupId !== NO_GROUP ? c.groupId : null,
      }));
    return { rows, totals: toFigures(consultationTotals, appointmentTotals), consultationsByHour };
  }
}
