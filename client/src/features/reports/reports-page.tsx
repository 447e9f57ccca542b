import { useState } from 'react';
import { downloadReportCsv, getReport } from '../../api/reports-api';
import { saveFile } from '../../api/save-file';
import { navigate } from '../../app/navigate';
import type { RouteQuery } from '../../app/routes';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { reportMessages } from '../../i18n/report-messages';
import { ReportCharts } from './report-charts';
import { ReportForm } from './report-form';
import { reportFormFromQuery, reportQuery, reportRangeProblem } from './report-series';
import type { ReportForm as FormValues } from './report-series';
import { ReportTable } from './report-table';
import { PageSection } from '../../components/page-section';

/** レポート: figures per period and group, three charts, and the same query as CSV. */
export function ReportsPage({ query }: { query: RouteQuery }) {
  const { run } = useApi();
  const form = reportFormFromQuery(query);
  const valid = reportRangeProblem(form) === null;
  const q = reportQuery(form);
  const report = useApiData((o) => getReport(q, o), JSON.stringify(q), valid);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const show = (next: FormValues) => navigate({ name: 'reports', query: { ...reportQuery(next) } }, { replace: true });
  const exportCsv = async (next: FormValues) => {
    setExporting(true);
    setExportError(null);
    try {
      const file = await run((o) => downloadReportCsv(reportQuery(next), o));
      saveFile(file.blob, file.fileName ?? `madoguchi-report-${next.from}_${next.to}.csv`);
    } catch (caught) {
      setExportError(`${reportMessages.form.csvFailed} ${describeError(caught)}`);
    } finally {
      setExporting(false);
    }
  };

  const data = report.data;
  return (
    <PageSection heading={reportMessages.heading} wide>
      <ReportForm key={JSON.stringify(form)} initial={form} exporting={exporting} onShow={show} onExport={(f) => void exportCsv(f)} />
      {exportError ? <Notice tone="error" text={exportError} /> : null}
      {report.error ? <Notice tone="error" text={describeError(report.error)} actionLabel={common.actions.retry} onAction={report.reload} /> : null}
      {report.loading ? <p role="status">{common.loading}</p> : null}
      {data && data.totals.consultations === 0 && data.totals.appointments === 0 ? <Notice text={reportMessages.empty} /> : null}
      {data ? (
        <>
          <ReportCharts report={data} />
          <p className="page__hint">{reportMessages.counting}</p>
          <ReportTable report={data} />
        </>
      ) : null}
    </PageSection>
  );
}
