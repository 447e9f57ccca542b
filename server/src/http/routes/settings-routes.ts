import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Town-wide settings admins change at run time. */
export function registerSettingsRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('getKioskDisplay', async () => deps.townSettings.kioskDisplay());

  api.handle('updateKioskDisplay', async ({ body, caller }) => {
    const staffId = staffOf(caller).staffId;
    await deps.townSettings.saveKioskDisplay(body, staffId, deps.now());
    // The values themselves may be a phone number: the audit keeps which fields, not what.
    await deps.audit.record({ actorKind: 'staff', actorId: staffId, action: 'settings_updated', targetType: 'setting', details: { setting: 'kiosk_display', residentNameDisplay: body.residentNameDisplay } });
    return deps.townSettings.kioskDisplay();
  });
}
