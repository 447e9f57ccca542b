import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Staff accounts; the rules (temporary passwords, the self-demotion guard, audit) are StaffService's. */
export function registerStaffRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listStaff', async ({ query }) => deps.staffAccounts.list(query));
  api.handle('createStaff', async ({ body, caller }) => deps.staffAccounts.create(staffOf(caller).staffId, body));
  api.handle('updateStaff', async ({ params, body, caller }) => deps.staffAccounts.update(staffOf(caller).staffId, params.id, body));
  api.handle('resetStaffPassword', async ({ params, caller }) => deps.staffAccounts.resetPassword(staffOf(caller).staffId, params.id));
}
