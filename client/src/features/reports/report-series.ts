import { REPORT_GRANULARITIES, REPORT_GROUPINGS } from '@madoguchi/contract/reports';
import type { ReportQuery, ReportRow } from '@madoguchi/contract/reports';
import { addDays, daysBetween, isLocalDate, jstToday, mondayOf } from '../../time/jst';

export type Granularity = (typeof REPORT_GRANULARITIES)[number];
export type Grouping = (typeof REPORT_GROUPINGS)[number];

export interface ReportForm {
  from: string;
  to: string;
  granularity: Granularity;
  groupBy: Grouping;
}

export const MAX_REPORT_DAYS = 366;

/** The report query from the URL; by default the last 30 Japan days up to today, per day. */
export function reportFormFromQuery(query: Readonly<Record<string, string>>, today: string = jstToday()): ReportForm {
  const date = (key: string, fallback: string) => {
    const value = query[key];
    return value !== undefined && isLocalDate(value) ? value : fallback;
  };
  const granularity = query['granularity'];
  const groupBy = query['groupBy'];
  return {
    from: date('from', addDays(today, -29)),
    to: date('to', today),
    granularity: (REPORT_GRANULARITIES as readonly string[]).includes(granularity ?? '') ? (granularity as Granularity) : 'day',
    groupBy: (REPORT_GROUPINGS as readonly string[]).includes(groupBy ?? '') ? (groupBy as Grouping) : 'none',
  };
}

export type RangeProblem = 'invalidRange' | 'tooLong';

/** The same limits the contract's ReportQuery enforces: from ≤ to, at most 366 days. */
export function reportRangeProblem({ from, to }: Pick<ReportForm, 'from' | 'to'>): RangeProblem | null {
  if (!isLocalDate(from) || !isLocalDate(to) || from > to) return 'invalidRange';
  if (daysBetween(from, to) > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

export function reportQuery(form: ReportForm): ReportQuery {
  return { from: form.from, to: form.to, granularity: form.granularity, groupBy: form.groupBy };
}

export interface SeriesPoint {
  label: string;
  value: number;
}

/** The first day of every period from `from` to `to`, as the server names periods (weeks start on Monday). */
export function periodStarts(from: string, to: string, granularity: Granularity): string[] {
  const starts: string[] = [];
  let day = granularity === 'week' ? mondayOf(from) : granularity === 'month' ? `${from.slice(0, 8)}01` : from;
  while (day <= to && starts.length <= MAX_REPORT_DAYS) {
    starts.push(day);
    if (granularity === 'day') day = addDays(day, 1);
    else if (granularity === 'week') day = addDays(day, 7);
    else day = addDays(`${day.slice(0, 8)}28`, 4).slice(0, 8) + '01';
  }
  return starts;
}

/**
 * Consultations per period, summed over the groups when the report is broken down. The server
 * leaves out periods without data; they are put back as zeros so the bars keep time's shape.
 */
export function consultationsPerPeriod(
  rows: readonly ReportRow[],
  range?: { from: string; to: string; granularity: Granularity },
): { period: string; consultations: number }[] {
  const totals = new Map<string, number>();
  if (range) for (const period of periodStarts(range.from, range.to, range.granularity)) totals.set(period, 0);
  for (const row of rows) totals.set(row.period, (totals.get(row.period) ?? 0) + row.consultations);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, consultations]) => ({ period, consultations }));
}
