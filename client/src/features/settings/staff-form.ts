import type { Language } from '@madoguchi/contract/languages';
import type { CreateStaffRequest, StaffMember, StaffRole, UpdateStaffRequest } from '@madoguchi/contract/staff';

export interface StaffFormValues {
  loginId: string;
  displayName: string;
  role: StaffRole;
  departmentIds: string[];
  languages: Language[];
}

export type StaffProblems = Partial<Record<'loginId' | 'displayName', true>>;

const LOGIN_ID = /^[A-Za-z0-9._-]{3,64}$/;

export function staffFormFrom(member: StaffMember | null): StaffFormValues {
  if (!member) return { loginId: '', displayName: '', role: 'staff', departmentIds: [], languages: ['ja'] };
  return { loginId: member.loginId, displayName: member.displayName, role: member.role, departmentIds: [...member.departmentIds], languages: [...member.languages] };
}

export function staffProblems(values: StaffFormValues, creating: boolean): StaffProblems {
  const problems: StaffProblems = {};
  if (creating && !LOGIN_ID.test(values.loginId)) problems.loginId = true;
  const name = values.displayName.trim();
  if (!name || name.length > 60) problems.displayName = true;
  return problems;
}

export function createStaffBody(values: StaffFormValues): CreateStaffRequest {
  return { loginId: values.loginId, displayName: values.displayName.trim(), role: values.role, departmentIds: values.departmentIds, languages: values.languages };
}

export function updateStaffBody(values: StaffFormValues): UpdateStaffRequest {
  return { displayName: values.displayName.trim(), role: values.role, departmentIds: values.departmentIds, languages: values.languages };
}
