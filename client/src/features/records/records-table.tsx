import type { SessionRecord } from '@madoguchi/contract/consultation';
import { hrefFor } from '../../app/routes';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { legMessages } from '../../i18n/leg-messages';
import { recordMessages } from '../../i18n/record-messages';
import { formatDateTime } from '../../time/jst-format';

const c = recordMessages.columns;
const seconds = (value: number | null) => (value === null ? common.none : common.seconds(value));

export function RecordsTable({ sessions }: { sessions: readonly SessionRecord[] }) {
  return (
    <div className="table-wrap" role="region" aria-label={recordMessages.tableCaption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{recordMessages.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.queuedAt}</th>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.department}</th>
            <th scope="col">{c.kiosk}</th>
            <th scope="col">{c.staff}</th>
            <th scope="col">{c.status}</th>
            <th scope="col" className="table__num">{c.wait}</th>
            <th scope="col" className="table__num">{c.duration}</th>
            <th scope="col">{c.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <a href={hrefFor({ name: 'session', id: s.id })} aria-label={recordMessages.open(formatDateTime(s.queuedAt))}>
                  {formatDateTime(s.queuedAt)}
                </a>
              </th>
              <td>{common.sessionKind[s.kind]}</td>
              <td>
                {s.departmentName ?? common.none}
                {s.leg > 1 ? <span className="table__note">{legMessages.listLeg(s.leg)}</span> : null}
              </td>
              <td>{s.kioskName}</td>
              <td>{s.staffName ?? recordMessages.unassigned}</td>
              <td>
                <StatusBadge tone={`session-${s.status}`} label={common.sessionStatus[s.status]} />
              </td>
              <td className="table__num">{seconds(s.waitSeconds)}</td>
              <td className="table__num">{seconds(s.durationSeconds)}</td>
              <td>{s.outcomeCode ? common.outcome[s.outcomeCode] : common.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
