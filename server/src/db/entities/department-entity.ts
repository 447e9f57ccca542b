import { EntitySchema } from 'typeorm';
import type { DepartmentIcon } from '@madoguchi/contract/departments';
import type { Language } from '@madoguchi/contract/languages';

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  nameTranslations: Partial<Record<Language, string>>;
  icon: DepartmentIcon;
  active: boolean;
  createdAt: Date;
}

export const DepartmentEntity = new EntitySchema<DepartmentRow>({
  name: 'Department',
  tableName: 'department',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    code: { type: 'text', unique: true },
    name: { type: 'text' },
    nameTranslations: { type: 'jsonb', name: 'name_translations', default: {} },
    icon: { type: 'text', default: 'general' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
