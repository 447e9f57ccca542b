import { hashPassword, verifyPassword } from '../../auth/passwords';
import type { LoginResponse, StaffProfile } from '@madoguchi/contract/rest';
import { AppError } from '../../domain/app-error';
import { createLogger } from '../../logging/logger';
import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

const log = createLogger('auth');

export function registerAuthRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const profileOf = async (staffId: string): Promise<StaffProfile> => {
    const member = await deps.staff.findMember(staffId);
    if (!member?.active) throw AppError.unauthenticated('this account is no longer active');
    return {
      id: member.id,
      loginId: member.loginId,
      displayName: member.displayName,
      role: member.role,
      departmentIds: member.departmentIds,
      mustChangePassword: member.mustChangePassword,
    };
  };

  api.handle('login', async ({ body, req }) => {
    const address = req.ip ?? 'unknown';
    // Counted before the password is checked; throws RATE_LIMITED with how long to wait.
    await deps.loginGuard.admit(body.loginId, address);
    const user = await deps.staff.findByLoginIdWithHash(body.loginId);
    const valid = user !== null && user.active && (await verifyPassword(body.password, user.passwordHash));
    if (!user || !valid) {
      log.info('login refused');
      await deps.audit.record({ actorKind: 'anonymous', actorId: user?.id ?? null, action: 'login_failed' });
      throw AppError.unauthenticated('ログインIDまたはパスワードが違います');
    }
    await deps.loginGuard.succeeded(body.loginId, address);
    const response: LoginResponse = await deps.loginSessions.start(user, await profileOf(user.id));
    await deps.audit.record({ actorKind: 'staff', actorId: user.id, action: 'login' });
    return response;
  });

  api.handle('refresh', async ({ body }) =>
    deps.loginSessions.refresh(body.refreshToken, profileOf),
  );

  api.handle('logout', async ({ caller }) => {
    const { staffId, sessionId } = staffOf(caller);
    await deps.loginSessions.logout(sessionId);
    await deps.audit.record({ actorKind: 'staff', actorId: staffId, action: 'logout' });
    return undefined;
  });

  api.handle('me', async ({ caller }) => profileOf(staffOf(caller).staffId));

  api.handle('changePassword', async ({ caller, body }) => {
    const { staffId } = staffOf(caller);
    const user = await deps.staff.findWithHashById(staffId);
    if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw AppError.badRequest('the current password is not correct', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    if (body.newPassword === body.currentPassword) {
      throw AppError.badRequest('choose a password different from the current one', [{ path: 'newPassword', message: 'unchanged' }]);
    }
    await deps.staff.setPassword(staffId, await hashPassword(body.newPassword), false);
    await deps.audit.record({ actorKind: 'staff', actorId: staffId, action: 'password_changed', targetType: 'staff', targetId: staffId });
    return undefined;
  });
}
