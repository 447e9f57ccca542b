import type { ConsultationListItem } from '@madoguchi/contract/consultation';
import { hrefFor } from '../../app/routes';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { legMessages } from '../../i18n/leg-messages';
import { recordMessages } from '../../i18n/record-messages';
import { formatDateTime } from '../../time/jst-format';
import { departmentOf } from './record-legs';

const c = recordMessages.columns;
const seconds = (value: number | null) => (value === null ? common.none : common.seconds(value));
const handedOver = (s: ConsultationListItem): boolean => s.legs.length > 1;

/** The departments in the order they served the resident: 総合窓口 → 子育て支援課. */
function Departments({ s }: { s: ConsultationListItem }) {
  if (!handedOver(s)) return <>{s.departmentName ?? common.none}</>;
  return (
    <>
      {s.legs.map(departmentOf).join(' → ')}
      <span className="table__note">{legMessages.listLegs(s.legs.length)}</span>
    </>
  );
}

/** One outcome per leg: each desk records its own part of a handed-over consultation. */
function Outcomes({ s }: { s: ConsultationListItem }) {
  if (!handedOver(s)) return <>{s.outcomeCode ? common.outcome[s.outcomeCode] : common.none}</>;
  return (
    <ol className="table__list">
      {s.legs.map((leg) => (
        <li key={leg.consultationId}>
          {legMessages.listOutcome(leg.leg, departmentOf(leg), leg.outcomeCode ? common.outcome[leg.outcomeCode] : legMessages.listOutcomeNone)}
        </li>
      ))}
    </ol>
  );
}

const staffOf = (s: ConsultationListItem): string => {
  const names = [...new Set(s.legs.map((l) => l.staffName).filter((n): n is string => n !== null))];
  return handedOver(s) && names.length > 0 ? names.join('、') : (s.staffName ?? recordMessages.unassigned);
};

/** The records list: one row per consultation, a handed-over one with its departments and each leg's outcome. */
export function RecordsTable({ consultations }: { consultations: readonly ConsultationListItem[] }) {
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
          {consultations.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <a href={hrefFor({ name: 'consultation', id: s.id })} aria-label={recordMessages.open(formatDateTime(s.queuedAt))}>
                  {formatDateTime(s.queuedAt)}
                </a>
              </th>
              <td>{common.consultationKind[s.kind]}</td>
              <td>
                <Departments s={s} />
              </td>
              <td>{s.kioskName}</td>
              <td>{staffOf(s)}</td>
              <td>
                <StatusBadge tone={`consultation-${s.status}`} label={common.consultationStatus[s.status]} />
              </td>
              <td className="table__num">{seconds(s.waitSeconds)}</td>
              <td className="table__num">{seconds(s.durationSeconds)}</td>
              <td>
                <Outcomes s={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
