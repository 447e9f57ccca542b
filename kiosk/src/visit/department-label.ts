import type { Department } from '@madoguchi/contract/departments';
import type { Language } from '@madoguchi/contract/languages';

/** A department's name in the kiosk's language; Japanese (`name`) when there is no translation. */
export function departmentLabel(department: Pick<Department, 'name' | 'nameTranslations'>, language: Language): string {
  if (language === 'ja') return department.name;
  return department.nameTranslations[language]?.trim() || department.name;
}

/** The departments a resident can choose, in the server's order. */
export function selectableDepartments(departments: readonly Department[]): Department[] {
  return departments.filter((department) => department.active);
}
