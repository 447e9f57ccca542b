import type { KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function getKioskDisplay(options: RequestOptions): Promise<KioskDisplaySettings> {
  return callRoute('getKioskDisplay', options);
}

export function updateKioskDisplay(body: KioskDisplaySettings, options: RequestOptions): Promise<KioskDisplaySettings> {
  return callRoute('updateKioskDisplay', { ...options, body });
}
