import type { Department } from '@madoguchi/contract/departments';
import type { Language } from '@madoguchi/contract/languages';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { departmentMessages } from '../../i18n/department-messages';
import { languageListText } from './list-text';
import { ActivationButton, RowButton } from './row-actions';
import { SettingsTable } from './settings-table';
import type { SettingsTableProps } from './settings-table';

const t = departmentMessages;

const columns: SettingsTableProps<Department>['columns'] = [
  { heading: t.columns.name, cell: (d) => d.name },
  { heading: t.columns.code, cell: (d) => <code>{d.code}</code> },
  { heading: t.columns.icon, cell: (d) => common.departmentIcon[d.icon] },
  { heading: t.columns.translations, cell: (d) => languageListText(Object.keys(d.nameTranslations) as Language[]) },
  { heading: t.columns.status, cell: (d) => <StatusBadge tone={d.active ? 'active' : 'inactive'} label={d.active ? t.active : t.inactive} /> },
];

export interface DepartmentTableProps {
  departments: readonly Department[];
  busy: boolean;
  onEdit: (department: Department) => void;
  onDeactivate: (department: Department) => void;
  onReactivate: (department: Department) => void;
}

export function DepartmentTable({ departments, busy, onEdit, onDeactivate, onReactivate }: DepartmentTableProps) {
  return (
    <SettingsTable
      caption={t.caption}
      columns={columns}
      actionsHeading={t.columns.actions}
      rows={departments}
      actions={(d) => (
        <>
          <RowButton label={t.edit(d.name)} text={common.actions.edit} onClick={() => onEdit(d)} />
          <ActivationButton active={d.active} name={d.name} texts={t} busy={busy} onDeactivate={() => onDeactivate(d)} onReactivate={() => onReactivate(d)} />
        </>
      )}
    />
  );
}
