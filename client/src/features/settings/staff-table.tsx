import type { Department } from '@madoguchi/contract/departments';
import type { StaffMember } from '@madoguchi/contract/staff';
import { StatusBadge } from '../../components/status-badge';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import { languageListText, listText } from './list-text';
import { ActivationButton, RowButton } from './row-actions';
import { SettingsTable } from './settings-table';
import type { SettingsTableProps } from './settings-table';

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
  const columns: SettingsTableProps<StaffMember>['columns'] = [
    {
      heading: t.columns.name,
      cell: (m) => (
        <>
          {m.displayName}
          {m.id === selfId ? t.you : ''}
        </>
      ),
    },
    { heading: t.columns.loginId, cell: (m) => <code>{m.loginId}</code> },
    { heading: t.columns.role, cell: (m) => common.role[m.role] },
    { heading: t.columns.departments, cell: (m) => listText(m.departmentIds.map((id) => departmentName.get(id) ?? '?')) },
    { heading: t.columns.languages, cell: (m) => languageListText(m.languages) },
    {
      heading: t.columns.status,
      cell: (m) => (
        <div className="table__badges">
          <StatusBadge tone={m.active ? 'active' : 'inactive'} label={m.active ? t.active : t.inactive} />
          {m.mustChangePassword ? <StatusBadge tone="pending" label={t.mustChange} /> : null}
        </div>
      ),
    },
  ];
  return (
    <SettingsTable
      caption={t.caption}
      columns={columns}
      actionsHeading={t.columns.actions}
      rows={members}
      actions={(m) => (
        <>
          <RowButton label={t.edit(m.displayName)} text={common.actions.edit} onClick={() => onEdit(m)} />
          <RowButton label={t.resetPassword(m.displayName)} text={t.resetShort} disabled={!m.active} onClick={() => onReset(m)} />
          <ActivationButton
            active={m.active}
            name={m.displayName}
            texts={t}
            busy={busy}
            cannotDeactivate={m.id === selfId}
            onDeactivate={() => onDeactivate(m)}
            onReactivate={() => onReactivate(m)}
          />
        </>
      )}
    />
  );
}
