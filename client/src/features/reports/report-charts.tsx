import type { Report } from '@madoguchi/contract/reports';
import { BarChart } from '../../components/bar-chart';
import { reportMessages } from '../../i18n/report-messages';
import { consultationsPerPeriod } from './report-series';

const c = reportMessages.charts;

/** Consultations per period, consultations by hour of day, and the satisfaction distribution. */
export function ReportCharts({ report }: { report: Report }) {
  const perPeriod = consultationsPerPeriod(report.rows, report).map((p) => ({ label: reportMessages.periodLabel(p.period, report.granularity), value: p.consultations }));
  const byHour = report.consultationsByHour.map((value, hour) => ({ label: c.hour(hour), value }));
  const ratings = report.totals.satisfaction.map((value, index) => ({ label: c.rating(index + 1), value }));
  const shared = { valueText: c.count, summary: c.summary, emptyText: c.empty };
  return (
    <div className="charts">
      <BarChart title={c.perPeriod} points={perPeriod} width={960} className="chart--wide" {...shared} />
      <BarChart title={c.byHour} points={byHour} maxLabels={12} {...shared} />
      <BarChart title={c.satisfaction} points={ratings} {...shared} />
    </div>
  );
}
