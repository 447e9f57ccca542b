import { EntitySchema } from 'typeorm';
import type { StaffRole } from '../../auth/grants';
import type { Language } from '@madoguchi/contract/languages';

export interface StaffUserRow {
  id: string;
  loginId: string;
  displayName: string;
  passwordHash: string;
  role: StaffRole;
  active: boolean;
  languages: Language[];
  mustChangePassword: boolean;
  createdAt: Date;
}

export const StaffUserEntity = new EntitySchema<StaffUserRow>({
  name: 'StaffUser',
  tableName: 'staff_user',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    loginId: { type: 'text', name: 'login_id', unique: true },
    displayName: { type: 'text', name: 'display_name' },
    passwordHash: { type: 'text', name: 'password_hash' },
    role: { type: 'enum', enum: ['staff', 'admin'], enumName: 'staff_role' },
    active: { type: 'boolean', default: true },
    languages: { type: 'text', array: true, default: ['ja'] },
    mustChangePassword: { type: 'boolean', name: 'must_change_password', default: false },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
