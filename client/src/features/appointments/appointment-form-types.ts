import type { Department } from '@madoguchi/contract/departments';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import type { StaffMember } from '@madoguchi/contract/staff';
import { appointmentMessages } from '../../i18n/appointment-messages';
import type { AppointmentDraft, DraftField, DraftProblems } from './appointment-draft';

export interface AppointmentFormOptions {
  departments: readonly Department[];
  kiosks: readonly KioskSummary[];
  staff: readonly StaffMember[];
}

export interface AppointmentFieldsProps {
  draft: AppointmentDraft;
  onChange: (patch: Partial<AppointmentDraft>) => void;
  problems: DraftProblems;
  disabled: boolean;
  /** How many minutes ago a new slot may start (the town's no-show grace), named by the 'past' problem. */
  startGraceMinutes: number;
}

/** The message for one field's problem, or null. */
export function problemFor(problems: DraftProblems, field: DraftField, startGraceMinutes?: number): string | null {
  const problem = problems[field];
  return problem ? appointmentMessages.problem(field, problem, startGraceMinutes) : null;
}

/** Members who work for the department (everyone while none is chosen), plus whoever is already assigned. */
export function staffForDepartment(staff: readonly StaffMember[], departmentId: string, assignedId: string): StaffMember[] {
  return staff.filter(
    (member) => member.id === assignedId || (member.active && (!departmentId || member.departmentIds.includes(departmentId))),
  );
}
