import { apiPath } from '@madoguchi/contract/api-routes';
import type { PairKioskRequest, PairKioskResponse } from '@madoguchi/contract/kiosks';
import { postJson } from './http-error';

/** Trades the one-time code from the admin screen for this kiosk's device credential. */
export function pairKiosk(code: string): Promise<PairKioskResponse> {
  const body: PairKioskRequest = { code };
  return postJson<PairKioskResponse>(apiPath('kioskPair'), body);
}
