import { EntitySchema } from 'typeorm';
import type { Department } from '@madoguchi/contract/departments';

/** The contract's department as stored: the row adds only when it was made. */
export interface DepartmentRow extends Department {
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
