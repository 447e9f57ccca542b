import type { Department } from '@madoguchi/contract/departments';
import type { StaffCredentialsIssued, StaffMember } from '@madoguchi/contract/staff';
import { createStaff, updateStaff } from '../../api/staff-api';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import { SettingsFormDialog } from './settings-form-dialog';
import { createStaffBody, staffFormFrom, staffProblems, updateStaffBody } from './staff-form';
import { StaffFields } from './staff-fields';
import { useCheckedForm } from './use-checked-form';

const t = staffMessages;

export interface StaffDialogProps {
  /** null: invite a new member. */
  member: StaffMember | null;
  departments: readonly Department[];
  /** Editing one's own account: the role cannot be changed (no locking oneself out). */
  isSelf: boolean;
  onSaved: (message: string) => void;
  onInvited: (issued: StaffCredentialsIssued) => void;
  onClose: () => void;
}

export function StaffDialog({ member, departments, isSelf, onSaved, onInvited, onClose }: StaffDialogProps) {
  const creating = member === null;
  const form = useCheckedForm(() => staffFormFrom(member), (values) => staffProblems(values, creating));
  const { perform, busy, error } = useAction({ conflict: t.fields.loginIdTaken });

  async function submit() {
    if (!form.check()) return;
    if (member) {
      const result = await perform((o) => updateStaff(member.id, updateStaffBody(form.values), o));
      if (result.ok) onSaved(t.saved);
    } else {
      // Inviting answers with the temporary password, which the section shows once.
      const result = await perform((o) => createStaff(createStaffBody(form.values), o));
      if (result.ok) onInvited(result.value);
    }
  }

  return (
    <SettingsFormDialog
      title={creating ? t.inviteTitle : t.editTitle}
      submitLabel={creating ? t.invite : common.actions.save}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <StaffFields values={form.values} onChange={form.change} problems={form.problems} departments={departments} creating={creating} roleLocked={isSelf} />
    </SettingsFormDialog>
  );
}
