import type { LoginRequest, LoginResponse, StaffProfile } from '@madoguchi/contract/rest';
import type { ChangePasswordRequest } from '@madoguchi/contract/staff';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return callRoute('login', { body: credentials });
}

export function fetchMe(options: RequestOptions): Promise<StaffProfile> {
  return callRoute('me', options);
}

export async function changePassword(body: ChangePasswordRequest, options: RequestOptions): Promise<void> {
  await callRoute('changePassword', { ...options, body });
}

/** Trades the refresh token for new tokens; the old refresh token is spent. */
export function refreshLogin(refreshToken: string): Promise<LoginResponse> {
  return callRoute('refresh', { body: { refreshToken } });
}

export async function logout(options: RequestOptions): Promise<void> {
  await callRoute('logout', options);
}
