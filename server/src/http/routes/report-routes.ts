import type { ReportQuery} from '@madoguchi/contract/reports';
import { type Report, type ReportRow } from '@madoguchi/contract/reports';
import { endOfJapanDay, startOfJapanDay } from '@madoguchi/contract/japan-time';
import { reportCsv } from '../../exports/report-csv';
import { FileResponse, staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';
import type { z } from 'zod';

/** Reports for admins: the same figures as JSON and as a CSV that Excel opens in Japanese. */
export function registerReportRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const build = async (query: z.output<typeof ReportQuery>): Promise<Report> => {
    const scope = { ...query, from: startOfJapanDay(query.from), to: endOfJapanDay(query.to) };
    const { rows, totals, consultationsByHour } = await deps.reports.compute(scope);
    const names = new Map<string, string>();
    if (query.groupBy === 'department') for (const d of await deps.departments.list({ includeInactive: true })) names.set(d.id, d.name);
    if (query.groupBy === 'kiosk') for (const k of await deps.kiosks.listSummaries()) names.set(k.id, k.name);
    const named: ReportRow[] = rows.map((row) => ({
      ...row,
      groupName: row.groupId ? (names.get(row.groupId) ?? row.groupId) : query.groupBy === 'department' ? '総合窓口' : null,
    }));
    return { from: query.from, to: query.to, granularity: query.granularity, groupBy: query.groupBy, rows: named, totals, consultationsByHour };
  };

  api.handle('report', async ({ query }) => build(query));

  api.handle('reportCsv', async ({ query, caller }) => {
    const report = await build(query);
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'report_exported', details: { from: query.from, to: query.to, groupBy: query.groupBy } });
    const csv = reportCsv(report);
    return new FileResponse('text/csv; charset=utf-8', `madoguchi-report-${query.from}-${query.to}.csv`, csv);
  });
}
