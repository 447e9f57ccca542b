import { randomInt } from 'node:crypto';
import { hashPassword } from '../../auth/passwords';
import { ErrorCode } from '@madoguchi/contract/errors';
import { type StaffCredentialsIssued, type StaffMember } from '@madoguchi/contract/staff';
import { AppError } from '../../domain/app-error';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from '../../domain/pg-errors';
import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

// No 0/O, 1/l/I: the admin reads it out or writes it down for the new member.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newTemporaryPassword(length = 14): string {
  let password = '';
  for (let i = 0; i < length; i += 1) password += PASSWORD_ALPHABET[randomInt(0, PASSWORD_ALPHABET.length)];
  return password;
}

function translate(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === PG_UNIQUE_VIOLATION) return new AppError(ErrorCode.Conflict, 'this login id is taken');
  if (pg?.code === PG_FOREIGN_KEY_VIOLATION) return AppError.badRequest('unknown department', [{ path: 'departmentIds', message: 'unknown department' }]);
  return error;
}

export function registerStaffRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const mustFind = async (id: string): Promise<StaffMember> => {
    const member = await deps.staff.findMember(id);
    if (!member) throw AppError.notFound('staff member');
    return member;
  };

  api.handle('listStaff', async ({ query }) => deps.staff.list(query));

  api.handle('createStaff', async ({ body, caller }) => {
    const temporaryPassword = newTemporaryPassword();
    const created = await deps.staff
      .create({ ...body, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true })
      .catch((error: unknown) => {
        throw translate(error);
      });
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'staff_created', targetType: 'staff', targetId: created.id, details: { role: body.role } });
    const issued: StaffCredentialsIssued = { member: await mustFind(created.id), temporaryPassword };
    return issued;
  });

  api.handle('updateStaff', async ({ params, body, caller }) => {
    const actor = staffOf(caller);
    if (params.id === actor.staffId && (body.active === false || body.role === 'staff')) {
      throw AppError.invalidState('you cannot deactivate or demote your own account; ask another admin');
    }
    const found = await deps.staff.update(params.id, body).catch((error: unknown) => {
      throw translate(error);
    });
    if (!found) throw AppError.notFound('staff member');
    if (body.active === false || body.role !== undefined) {
      await deps.authSessions.revokeAllFor(params.id, body.active === false ? 'deactivated' : 'role_changed');
      deps.disconnect.staff(params.id);
    }
    await deps.audit.record({ actorKind: 'staff', actorId: actor.staffId, action: 'staff_updated', targetType: 'staff', targetId: params.id, details: { fields: Object.keys(body), role: body.role, active: body.active } });
    return mustFind(params.id);
  });

  api.handle('resetStaffPassword', async ({ params, caller }) => {
    await mustFind(params.id);
    const temporaryPassword = newTemporaryPassword();
    await deps.staff.setPassword(params.id, await hashPassword(temporaryPassword), true);
    await deps.authSessions.revokeAllFor(params.id, 'password_reset');
    deps.disconnect.staff(params.id);
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'password_reset', targetType: 'staff', targetId: params.id });
    const issued: StaffCredentialsIssued = { member: await mustFind(params.id), temporaryPassword };
    return issued;
  });
}
