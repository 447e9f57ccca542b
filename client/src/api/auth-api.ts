import type { LoginRequest, LoginResponse } from '@contract/rest';
import { postJson } from './http-client';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return postJson<LoginResponse>('/api/auth/login', credentials);
}
