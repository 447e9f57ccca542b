import type { KioskTokenRequest, KioskTokenResponse } from '@contract/rest';
import { postJson } from './http-error';

export function exchangeCredential(credential: string): Promise<KioskTokenResponse> {
  const body: KioskTokenRequest = { credential };
  return postJson<KioskTokenResponse>('/api/kiosk/token', body);
}
