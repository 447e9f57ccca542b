import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Admins register, pair, edit and revoke kiosks (KioskService's rules); staff may read their status. */
export function registerKioskRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listKiosks', async () => deps.kioskAdmin.list());
  api.handle('createKiosk', async ({ body, caller }) => deps.kioskAdmin.register(staffOf(caller).staffId, body));
  api.handle('updateKiosk', async ({ params, body, caller }) => deps.kioskAdmin.update(staffOf(caller).staffId, params.id, body));
  api.handle('issuePairingCode', async ({ params, caller }) => deps.kioskAdmin.issuePairingCode(staffOf(caller).staffId, params.id));
  api.handle('issueInstallerCode', async ({ params, caller }) => deps.kioskAdmin.issueInstallerCode(staffOf(caller).staffId, params.id));
  api.handle('revokeKiosk', async ({ params, caller }) => deps.kioskAdmin.revoke(staffOf(caller).staffId, params.id));
}
