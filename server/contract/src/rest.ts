import { z } from './zod';
import { secretText, singleLine } from './text';

export const LoginRequest = z
  .object({ loginId: singleLine().min(1).max(100), password: secretText().min(1).max(200) })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export interface StaffProfile {
  id: string;
  loginId: string;
  displayName: string;
  role: 'staff' | 'admin';
  departmentIds: string[];
  mustChangePassword: boolean;
}

export interface LoginResponse {
  /** Lives at most 15 minutes; renew it with the refresh token before it ends. */
  accessToken: string;
  expiresInSeconds: number;
  /** Single use: each refresh returns a new one. Presenting a used one ends the login everywhere. */
  refreshToken: string;
  user: StaffProfile;
}

export const RefreshRequest = z.object({ refreshToken: z.string().regex(/^[A-Za-z0-9_-]{40,100}$/) }).strict();
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** A kiosk trades its device credential ("<kioskId>.<secret>") for a short-lived token. */
export const KioskTokenRequest = z
  .object({ credential: z.string().min(10).max(200).regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,}$/) })
  .strict();
export type KioskTokenRequest = z.infer<typeof KioskTokenRequest>;

export interface KioskProfile {
  id: string;
  name: string;
  location: string;
}

export interface KioskTokenResponse {
  accessToken: string;
  expiresInSeconds: number;
  kiosk: KioskProfile;
}

