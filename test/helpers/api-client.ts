import type { KioskTokenResponse, LoginResponse } from '@madoguchi/contract/rest';

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function loginStaff(baseUrl: string, loginId: string, password: string): Promise<LoginResponse> {
  const { status, body } = await postJson(`${baseUrl}/api/auth/login`, { loginId, password });
  if (status !== 200) throw new Error(`login failed: ${status} ${JSON.stringify(body)}`);
  return body as LoginResponse;
}

export async function kioskToken(baseUrl: string, credential: string): Promise<KioskTokenResponse> {
  const { status, body } = await postJson(`${baseUrl}/api/kiosk/token`, { credential });
  if (status !== 200) throw new Error(`kiosk token failed: ${status} ${JSON.stringify(body)}`);
  return body as KioskTokenResponse;
}
