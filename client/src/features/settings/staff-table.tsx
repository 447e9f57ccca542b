import type { Department } from '@contract/departments';
import type { StaffMember } from '@contract/staff';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';

const t = staffMessages;

export interface StaffTableProps {
  members: readonly StaffMember[];
  departments: readonly Department[];
  selfId: string;
  busy: boolean;
  onEdit: (member: StaffMember) => void;
  onReset: (member: StaffMember) => void;
  onDeactivate: (member: StaffMember) => void;
  onReactivate: (member: StaffMember) => void;
}

export function StaffTable({ members, departments, selfId, busy, onEdit, onReset, onDeactivate, onReactivate }: StaffTableProps) {
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.loginId}</th>
            <th scope="col">{t.columns.role}</th>
            <th scope="col">{t.columns.departments}</th>
            <th scope="col">{t.columns.languages}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const self = m.id === selfId;
            return (
              <tr key={m.id}>
                <th scope="row">
                  {m.displayName}
                  {self ? t.you : ''}
                </th>
                <td>
                  <code>{m.loginId}</code>
                </td>
                <td>{common.role[m.role]}</td>
                <td>{m.departmentIds.map((id) => departmentName.get(id) ?? '?').join('、') || common.none}</td>
                <td>{m.languages.map((l) => common.language[l]).join('、') || common.none}</td>
                <td>
                  <div className="table__badges">
                    <StatusBadge tone={m.active ? 'active' : 'inactive'} label={m.active ? t.active : t.inactive} />
                    {m.mustChangePassword ? <StatusBadge tone="pending" label={t.mustChange} /> : null}
                  </div>
                </td>
                <td>
                  <div className="table__actions">
                    <button type="button" className="button button--small button--secondary" aria-label={t.edit(m.displayName)} onClick={() => onEdit(m)}>
                      {common.actions.edit}
                    </button>
                    <button type="button" className="button button--small button--secondary" aria-label={t.resetPassword(m.displayName)} disabled={!m.active} onClick={() => onReset(m)}>
                      {t.resetShort}
                    </button>
                    {m.active ? (
                      <button type="button" className="button button--small button--danger-outline" aria-label={t.deactivate(m.displayName)} disabled={self} onClick={() => onDeactivate(m)}>
                        {common.actions.deactivate}
                      </button>
                    ) : (
                      <button type="button" className="button button--small button--secondary" aria-label={t.reactivate(m.displayName)} disabled={busy} onClick={() => onReactivate(m)}>
                        {common.actions.reactivate}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
