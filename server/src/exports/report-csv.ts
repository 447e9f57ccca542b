import { REPORT_LABELS_JA as L, type Report, type ReportFigures } from '@madoguchi/contract/reports';
import { toCsv } from './csv';

const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The CSV's header: the screen's column names, each with its unit where the screen shows one. */
export const REPORT_CSV_HEADER: readonly string[] = [
  L.period, L.group, L.consultations, L.booked, L.walkIn, L.answered, L.abandoned, L.mediaFailed, L.tcpFallback, L.appointments, L.noShows, `${L.noShowRate}(%)`,
  `${L.meanWait}(秒)`, `${L.p90Wait}(秒)`, `${L.meanDuration}(秒)`,
  ...[1, 2, 3, 4, 5].map((rating) => `${L.distribution} ${rating}点`),
  L.satisfaction, L.residentAbsent,
];

const line = (period: string, group: string, f: ReportFigures) => [
  period, group, f.consultations, f.booked, f.walkIn, f.answered, f.abandoned, f.mediaFailed, f.tcpFallback, f.appointments, f.noShows, percent(f.noShowRate),
  f.meanWaitSeconds, f.p90WaitSeconds, f.meanDurationSeconds, ...f.satisfaction, f.satisfactionMean, f.residentAbsent,
];

/** Every row of the report, then the totals, as a CSV that Excel opens in Japanese. */
export function reportCsv(report: Report): string {
  return toCsv(REPORT_CSV_HEADER, [...report.rows.map((row) => line(row.period, row.groupName ?? '', row)), line('合計', '', report.totals)]);
}
