import type { Department } from '@contract/departments';
import type { Language } from '@contract/languages';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';

const t = departmentMessages;

export interface DepartmentTableProps {
  departments: readonly Department[];
  busy: boolean;
  onEdit: (department: Department) => void;
  onDeactivate: (department: Department) => void;
  onReactivate: (department: Department) => void;
}

export function DepartmentTable({ departments, busy, onEdit, onDeactivate, onReactivate }: DepartmentTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.code}</th>
            <th scope="col">{t.columns.icon}</th>
            <th scope="col">{t.columns.translations}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name}</th>
              <td>
                <code>{d.code}</code>
              </td>
              <td>{common.departmentIcon[d.icon]}</td>
              <td>{(Object.keys(d.nameTranslations) as Language[]).map((l) => common.language[l]).join('、') || common.none}</td>
              <td>
                <StatusBadge tone={d.active ? 'active' : 'inactive'} label={d.active ? t.active : t.inactive} />
              </td>
              <td>
                <div className="table__actions">
                  <button type="button" className="button button--small button--secondary" aria-label={t.edit(d.name)} onClick={() => onEdit(d)}>
                    {common.actions.edit}
                  </button>
                  {d.active ? (
                    <button type="button" className="button button--small button--danger-outline" aria-label={t.deactivate(d.name)} onClick={() => onDeactivate(d)}>
                      {common.actions.deactivate}
                    </button>
                  ) : (
                    <button type="button" className="button button--small button--secondary" aria-label={t.reactivate(d.name)} disabled={busy} onClick={() => onReactivate(d)}>
                      {common.actions.reactivate}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
