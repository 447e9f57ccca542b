import { ReportQuery, type Report, type ReportRow } from '../../contract/reports';
import { endOfJapanDay, startOfJapanDay } from '../../domain/japan-time';
import { toCsv } from '../../exports/csv';
import { FileResponse, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';
import type { z } from 'zod';

const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Reports for admins: the same figures as JSON and as a CSV that Excel opens in Japanese. */
export function registerReportRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const build = async (query: z.output<typeof ReportQuery>): Promise<Report> => {
    const scope = { ...query, from: startOfJapanDay(query.from), to: endOfJapanDay(query.to) };
    const { rows, totals, sessionsByHour } = await deps.reports.compute(scope);
    const names = new Map<string, string>();
    if (query.groupBy === 'department') for (const d of await deps.departments.list({ includeInactive: true })) names.set(d.id, d.name);
    if (query.groupBy === 'kiosk') for (const k of await deps.kiosks.listSummaries()) names.set(k.id, k.name);
    const named: ReportRow[] = rows.map((row) => ({
      ...row,
      groupName: row.groupId ? (names.get(row.groupId) ?? row.groupId) : query.groupBy === 'department' ? '総合窓口' : null,
    }));
    return { from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy, rows: named, totals, sessionsByHour };
  };

  api.handle('report', { query: ReportQuery, returns: 'Report' }, async ({ query }) => build(query));

  api.handle('reportCsv', { query: ReportQuery, returns: 'text/csv (UTF-8 with BOM)' }, async ({ query, caller }) => {
    const report = await build(query);
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'report_exported', details: { from: query.from, to: query.to, groupBy: query.groupBy } });
    const header = [
      '期間', '区分', '相談件数', '予約', '予約なし', '応答', '応答前終了', '映像不通', 'TCP接続', '予約件数', '不在', '不在率(%)',
      '平均待ち時間(秒)', '90%待ち時間(秒)', '平均相談時間(秒)', '満足度1', '満足度2', '満足度3', '満足度4', '満足度5', '満足度平均',
      '住民不在で終了',
    ];
    const line = (period: string, group: string, f: Report['totals']) => [
      period, group, f.sessions, f.booked, f.walkIn, f.answered, f.abandoned, f.mediaFailed, f.tcpFallback, f.appointments, f.noShows, percent(f.noShowRate),
      f.meanWaitSeconds, f.p90WaitSeconds, f.meanDurationSeconds, ...f.satisfaction, f.satisfactionMean,
      f.residentAbsent,
    ];
    const csv = toCsv(header, [
      ...report.rows.map((row) => line(row.period, row.groupName ?? '', row)),
      line('合計', '', report.totals),
    ]);
    return new FileResponse('text/csv; charset=utf-8', `madoguchi-report-${query.from}-${query.to}.csv`, csv);
  });
}
