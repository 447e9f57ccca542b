import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Logging in and out and the member's own account; the rules and their auditing are StaffLogin's. */
export function registerAuthRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('login', async ({ body, req }) => deps.staffLogin.login(body.loginId, body.password, req.ip ?? 'unknown'));
  api.handle('refresh', async ({ body }) => deps.staffLogin.refresh(body.refreshToken));
  api.handle('logout', async ({ caller }) => {
    const { staffId, loginSessionId } = staffOf(caller);
    await deps.staffLogin.logout(staffId, loginSessionId);
    return undefined;
  });
  api.handle('me', async ({ caller }) => deps.staffLogin.profile(staffOf(caller).staffId));
  api.handle('changePassword', async ({ caller, body }) => {
    await deps.staffLogin.changePassword(staffOf(caller).staffId, body.currentPassword, body.newPassword);
    return undefined;
  });
}
