import { apiPath } from '@madoguchi/contract/api-routes';
import type { CameraRoles, InstallerWindow, OpenInstallerRequest, SaveKioskDevicesRequest } from '@madoguchi/contract/kiosks';
import { sendJson } from './http-error';

/** Spends the one-time installer code from the admin app; the device set-up opens for a while. */
export function openInstaller(code: string, token: string): Promise<InstallerWindow> {
  const body: OpenInstallerRequest = { code };
  return sendJson<InstallerWindow>('POST', apiPath('openKioskInstaller'), body, token);
}

/** Saves the cameras chosen by their pictures, for this kiosk (installer mode only). */
export async function saveKioskDevices(cameraRoles: CameraRoles, token: string): Promise<void> {
  const body: SaveKioskDevicesRequest = { cameraRoles };
  await sendJson<null>('PUT', apiPath('saveKioskDevices'), body, token);
}
