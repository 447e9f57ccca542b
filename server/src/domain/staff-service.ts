import { randomInt } from 'node:crypto';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { z } from 'zod';
import type { CreateStaffRequest, StaffCredentialsIssued, StaffMember, UpdateStaffRequest } from '@madoguchi/contract/staff';
import type { Page } from '@madoguchi/contract/pagination';
import { hashPassword } from '../auth/passwords';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { AppError } from './app-error';
import type { LoginSessionService } from './login-sessions';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from './pg-errors';

// No 0/O, 1/l/I: the admin reads it out or writes it down for the new member.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newTemporaryPassword(length = 14): string {
  let password = '';
  for (let i = 0; i < length; i += 1) password += PASSWORD_ALPHABET[randomInt(0, PASSWORD_ALPHABET.length)];
  return password;
}

function translate(error: unknown): unknown {
  const pg = pgErrorOf(error);
  // Only the login id is unique among what an admin types; another clash is not theirs to fix.
  if (pg?.code === PG_UNIQUE_VIOLATION && (pg.constraint ?? '').includes('login_id')) return new AppError(ErrorCode.Conflict, 'this login id is taken');
  if (pg?.code === PG_FOREIGN_KEY_VIOLATION) return AppError.badRequest('unknown department', [{ path: 'departmentIds', message: 'unknown department' }]);
  return error;
}

export interface StaffServiceOptions {
  staff: StaffUserRepository;
  loginSessions: LoginSessionService;
  audit: AuditLogRepository;
  /** Cuts the member's live sockets at once (their logins are revoked first). */
  disconnect(staffId: string): void;
  /** A member's departments changed: their open consoles take the new queue scope at once. */
  rescope(staffId: string, departmentIds: string[]): void;
}

/**
 * Staff accounts and their rules: a new member and a reset get a temporary password that must be
 * changed; an admin cannot deactivate or demote themself; losing access (deactivated, role
 * changed, password reset) ends every login and socket at once. Every change is audited.
 */
export class StaffService {
  constructor(private readonly options: StaffServiceOptions) {}

  list(query: Parameters<StaffUserRepository['list']>[0]): Promise<Page<StaffMember>> {
    return this.options.staff.list(query);
  }

  async create(actorId: string, request: z.output<typeof CreateStaffRequest>): Promise<StaffCredentialsIssued> {
    const temporaryPassword = newTemporaryPassword();
    const created = await this.options.staff
      .create({ ...request, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true })
      .catch((error: unknown) => {
        throw translate(error);
      });
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'staff_created', targetType: 'staff', targetId: created.id, details: { role: request.role } });
    return { member: await this.mustFind(created.id), temporaryPassword };
  }

  async update(actorId: string, id: string, changes: UpdateStaffRequest): Promise<StaffMember> {
    if (id === actorId && (changes.active === false || changes.role === 'staff')) {
      throw AppError.invalidState('you cannot deactivate or demote your own account; ask another admin');
    }
    const found = await this.options.staff.update(id, changes).catch((error: unknown) => {
      throw translate(error);
    });
    if (!found) throw AppError.notFound('staff member');
    if (changes.active === false || changes.role !== undefined) {
      await this.options.loginSessions.revokeAllFor(id, changes.active === false ? 'deactivated' : 'role_changed');
      this.options.disconnect(id);
    }
    await this.options.audit.record({
      actorKind: 'staff',
      actorId,
      action: 'staff_updated',
      targetType: 'staff',
      targetId: id,
      details: { fields: Object.keys(changes), role: changes.role, active: changes.active },
    });
    const member = await this.mustFind(id);
    // Still logged in with other departments: their queue follows at once, not at their next login.
    if (changes.departmentIds && changes.active !== false && changes.role === undefined) this.options.rescope(id, member.departmentIds);
    return member;
  }

  async resetPassword(actorId: string, id: string): Promise<StaffCredentialsIssued> {
    await this.mustFind(id);
    const temporaryPassword = newTemporaryPassword();
    await this.options.staff.setPassword(id, await hashPassword(temporaryPassword), true);
    await this.options.loginSessions.revokeAllFor(id, 'password_reset');
    this.options.disconnect(id);
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'password_reset', targetType: 'staff', targetId: id });
    return { member: await this.mustFind(id), temporaryPassword };
  }

  private async mustFind(id: string): Promise<StaffMember> {
    const member = await this.options.staff.findMember(id);
    if (!member) throw AppError.notFound('staff member');
    return member;
  }
}
