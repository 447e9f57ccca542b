import type { Report, ReportQuery } from '@madoguchi/contract/reports';
import type { RequestOptions } from './http-client';
import { callRoute, downloadRoute } from './route-call';
import type { DownloadedFile } from './route-call';

export function getReport(query: ReportQuery, options: RequestOptions): Promise<Report> {
  return callRoute('report', { ...options, query: { ...query } });
}

export function downloadReportCsv(query: ReportQuery, options: RequestOptions): Promise<DownloadedFile> {
  return downloadRoute('reportCsv', 'text/csv', { ...options, query: { ...query } });
}
