import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Department } from '@contract/departments';
import type { StaffCredentialsIssued, StaffMember } from '@contract/staff';
import { createStaff, updateStaff } from '../../api/staff-api';
import { ModalDialog } from '../../components/modal-dialog';
import { Notice } from '../../components/notice';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { staffMessages } from '../../i18n/staff-messages';
import { createStaffBody, staffFormFrom, staffProblems, updateStaffBody } from './staff-form';
import { StaffFields } from './staff-fields';

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
  const [values, setValues] = useState(() => staffFormFrom(member));
  const [checked, setChecked] = useState(false);
  const { perform, busy, error } = useAction();
  const creating = member === null;
  const problems = checked ? staffProblems(values, creating) : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(staffProblems(values, creating)).length > 0) return;
    if (member) {
      const result = await perform((o) => updateStaff(member.id, updateStaffBody(values), o));
      if (result.ok) onSaved(t.saved);
    } else {
      const result = await perform((o) => createStaff(createStaffBody(values), o));
      if (result.ok) onInvited(result.value);
    }
  }

  return (
    <ModalDialog open title={creating ? t.inviteTitle : t.editTitle} closeLabel={common.actions.close} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <StaffFields
          values={values}
          onChange={(patch) => setValues((prev) => ({ ...prev, ...patch }))}
          problems={problems}
          departments={departments}
          creating={creating}
          roleLocked={isSelf}
        />
        {error ? <Notice tone="error" text={error} /> : null}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {common.actions.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? common.actions.saving : creating ? t.invite : common.actions.save}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
