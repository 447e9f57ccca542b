import { kioskOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** What a kiosk device does for itself; the rules and their auditing are KioskDeviceService's. */
export function registerKioskDeviceRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('kioskToken', async ({ body }) => deps.kioskDevices.token(body.credential));
  api.handle('kioskPair', async ({ body, req }) => deps.kioskDevices.pair(body.code, req.ip ?? 'unknown'));
  api.handle('openKioskInstaller', async ({ body, caller }) => deps.kioskDevices.openInstaller(kioskOf(caller).kioskId, body.code));
  api.handle('saveKioskDevices', async ({ body, caller }) => {
    await deps.kioskDevices.saveDevices(kioskOf(caller).kioskId, body.cameraRoles);
    return null;
  });
  api.handle('kioskConfig', async ({ caller }) => deps.kioskDevices.config(kioskOf(caller).kioskId));
}
