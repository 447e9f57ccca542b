import { useState } from 'react';
import type { StaffCredentialsIssued, StaffMember } from '@madoguchi/contract/staff';
import { resetStaffPassword, updateStaff } from '../../api/staff-api';
import { staffMessages } from '../../i18n/staff-messages';
import { useConfirmation } from './use-confirmation';
import type { Confirmation } from './use-confirmation';

const t = staffMessages;

export interface PendingStaffAction {
  kind: 'deactivate' | 'reset';
  member: StaffMember;
}

export interface StaffActions extends Confirmation<PendingStaffAction> {
  confirm(): void;
  setActive(member: StaffMember, active: boolean): void;
  /** A temporary password to show once. */
  issued: StaffCredentialsIssued | null;
  showIssued(issued: StaffCredentialsIssued | null): void;
}

/** Deactivate, reactivate and reset, each reported through `onDone` with its message. */
export function useStaffActions(onDone: (message: string) => void): StaffActions {
  const confirmation = useConfirmation<PendingStaffAction>();
  const { action, pending, ask } = confirmation;
  const [issued, setIssued] = useState<StaffCredentialsIssued | null>(null);

  const finish = (message: string) => {
    ask(null);
    onDone(message);
  };
  const setActive = async (member: StaffMember, active: boolean) => {
    const result = await action.perform((o) => updateStaff(member.id, { active }, o));
    if (result.ok) finish(active ? t.reactivated : t.deactivated);
  };
  const reset = async (member: StaffMember) => {
    const result = await action.perform((o) => resetStaffPassword(member.id, o));
    if (!result.ok) return;
    finish(t.passwordReset);
    setIssued(result.value);
  };

  return {
    ...confirmation,
    confirm: () => {
      if (pending?.kind === 'deactivate') void setActive(pending.member, false);
      if (pending?.kind === 'reset') void reset(pending.member);
    },
    setActive: (member, active) => void setActive(member, active),
    issued,
    showIssued: setIssued,
  };
}
