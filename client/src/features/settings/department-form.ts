import type { Department, DepartmentIcon, DepartmentInput } from '@madoguchi/contract/departments';
import type { Language } from '@madoguchi/contract/languages';

export interface DepartmentFormValues {
  code: string;
  name: string;
  icon: DepartmentIcon;
  translations: Partial<Record<Language, string>>;
}

export type DepartmentProblems = Partial<Record<'code' | 'name', true>>;

const CODE = /^[a-z0-9-]{2,32}$/;

export function departmentFormFrom(department: Department | null): DepartmentFormValues {
  if (!department) return { code: '', name: '', icon: 'general', translations: {} };
  return { code: department.code, name: department.name, icon: department.icon, translations: { ...department.nameTranslations } };
}

export function departmentProblems(values: DepartmentFormValues): DepartmentProblems {
  const problems: DepartmentProblems = {};
  if (!CODE.test(values.code)) problems.code = true;
  const name = values.name.trim();
  if (!name || name.length > 60) problems.name = true;
  return problems;
}

/** The request body; empty translations are left out so the kiosk falls back to Japanese. */
export function departmentInput(values: DepartmentFormValues): DepartmentInput {
  const nameTranslations: Partial<Record<Language, string>> = {};
  for (const [language, text] of Object.entries(values.translations) as [Language, string | undefined][]) {
    const trimmed = text?.trim();
    if (trimmed && language !== 'ja') nameTranslations[language] = trimmed;
  }
  return { code: values.code, name: values.name.trim(), icon: values.icon, nameTranslations };
}
