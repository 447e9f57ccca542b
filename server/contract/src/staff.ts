import { z } from './zod';
import { secretText, singleLine } from './text';
import { LanguageSchema, type Language } from './languages';
import { PageQuery } from './pagination';

export const STAFF_ROLES = ['staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CreateStaffRequest = z
  .object({
    loginId: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, 'letters, digits, dot, hyphen, underscore; 3-64'),
    displayName: singleLine().min(1).max(60),
    role: z.enum(STAFF_ROLES).default('staff'),
    departmentIds: z.array(z.uuid()).max(50).default([]),
    languages: z.array(LanguageSchema).max(8).default(['ja']),
  })
  .strict();
export type CreateStaffRequest = z.input<typeof CreateStaffRequest>;

export const UpdateStaffRequest = z
  .object({
    displayName: singleLine().min(1).max(60),
    role: z.enum(STAFF_ROLES),
    departmentIds: z.array(z.uuid()).max(50),
    languages: z.array(LanguageSchema).max(8),
    active: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateStaffRequest = z.input<typeof UpdateStaffRequest>;

export const StaffListQuery = z
  .object({ ...PageQuery, departmentId: z.uuid().optional(), includeInactive: z.stringbool().default(false) })
  .strict();

export const ChangePasswordRequest = z
  .object({ currentPassword: secretText().min(1).max(200), newPassword: secretText().min(10).max(200) })
  .strict();
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

export interface StaffMember {
  id: string;
  loginId: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  departmentIds: string[];
  languages: Language[];
  /** True until the member replaces an admin-issued temporary password. */
  mustChangePassword: boolean;
  createdAt: string;
}

/** A new account or a reset: the temporary password is shown to the admin once, never stored in clear. */
export interface StaffCredentialsIssued {
  member: StaffMember;
  temporaryPassword: string;
}
