import type { AuditEntry } from '@madoguchi/contract/audit';
import { auditMessages } from '../../i18n/audit-messages';
import { common } from '../../i18n/common-messages';
import { formatTimestamp } from '../../time/jst-format';

const c = auditMessages.columns;

function details(entry: AuditEntry): string {
  const entries = Object.entries(entry.details);
  return entries.length === 0 ? common.none : entries.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ');
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <div className="table-wrap" role="region" aria-label={auditMessages.caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{auditMessages.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.at}</th>
            <th scope="col">{c.actor}</th>
            <th scope="col">{c.action}</th>
            <th scope="col">{c.target}</th>
            <th scope="col">{c.details}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
              </th>
              <td>
                {entry.actorName ?? common.none} <span className="muted">（{auditMessages.actorKind[entry.actorKind]}）</span>
              </td>
              <td>{auditMessages.actions[entry.action] ?? entry.action}</td>
              <td>{entry.targetType ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId.slice(0, 8)}` : ''}` : common.none}</td>
              <td className="table__details">{details(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
