import { apiPath } from '@madoguchi/contract/api-routes';
import type { KioskConfig } from '@madoguchi/contract/kiosks';
import { getJson } from './http-error';

export type { KioskConfig };

export function fetchKioskConfig(token: string): Promise<KioskConfig> {
  return getJson<KioskConfig>(apiPath('kioskConfig'), token);
}
