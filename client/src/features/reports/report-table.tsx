import type { Report, ReportFigures } from '@madoguchi/contract/reports';
import { common } from '../../i18n/common-messages';
import { reportMessages } from '../../i18n/report-messages';
import { formatLocalDate } from '../../time/jst-format';

const t = reportMessages.table;
const secs = (value: number | null) => (value === null ? common.none : common.seconds(value));
const rate = (value: number | null) => (value === null ? common.none : common.percent(value));
const mean = (value: number | null) => (value === null ? common.none : value.toFixed(2));

const COLUMNS: readonly { label: string; cell: (f: ReportFigures) => string }[] = [
  { label: t.consultations, cell: (f) => String(f.consultations) },
  { label: t.booked, cell: (f) => String(f.booked) },
  { label: t.walkIn, cell: (f) => String(f.walkIn) },
  { label: t.answered, cell: (f) => String(f.answered) },
  { label: t.abandoned, cell: (f) => String(f.abandoned) },
  { label: t.mediaFailed, cell: (f) => String(f.mediaFailed) },
  { label: t.tcpFallback, cell: (f) => String(f.tcpFallback) },
  { label: t.residentAbsent, cell: (f) => String(f.residentAbsent) },
  { label: t.appointments, cell: (f) => String(f.appointments) },
  { label: t.noShows, cell: (f) => String(f.noShows) },
  { label: t.noShowRate, cell: (f) => rate(f.noShowRate) },
  { label: t.meanWait, cell: (f) => secs(f.meanWaitSeconds) },
  { label: t.p90Wait, cell: (f) => secs(f.p90WaitSeconds) },
  { label: t.meanDuration, cell: (f) => secs(f.meanDurationSeconds) },
  { label: t.satisfaction, cell: (f) => mean(f.satisfactionMean) },
  { label: t.distribution, cell: (f) => reportMessages.distributionText(f.satisfaction) },
];

/** Every figure per period (and group), with the totals in the footer. */
export function ReportTable({ report }: { report: Report }) {
  const grouped = report.groupBy !== 'none';
  return (
    <div className="table-wrap" role="region" aria-label={t.caption(formatLocalDate(report.from), formatLocalDate(report.to))} tabIndex={0}>
      <table className="table table--figures">
        <caption>{t.caption(formatLocalDate(report.from), formatLocalDate(report.to))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.period}</th>
            {grouped ? <th scope="col">{t.group}</th> : null}
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" className="table__num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={`${row.period}-${row.groupId ?? ''}`}>
              <th scope="row">{reportMessages.periodLabel(row.period, report.granularity)}</th>
              {grouped ? <td>{row.groupName ?? common.none}</td> : null}
              {COLUMNS.map((column) => (
                <td key={column.label} className="table__num">
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={grouped ? 2 : 1}>
              {t.total}
            </th>
            {COLUMNS.map((column) => (
              <td key={column.label} className="table__num">
                {column.cell(report.totals)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
