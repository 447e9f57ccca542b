import { apiPath } from '@madoguchi/contract/api-routes';
import type { KioskTokenRequest, KioskTokenResponse } from '@madoguchi/contract/rest';
import { postJson } from './http-error';

export function exchangeCredential(credential: string): Promise<KioskTokenResponse> {
  const body: KioskTokenRequest = { credential };
  return postJson<KioskTokenResponse>(apiPath('kioskToken'), body);
}
