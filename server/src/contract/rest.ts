import { z } from 'zod';

export const LoginRequest = z
  .object({ loginId: z.string().min(1).max(100), password: z.string().min(1).max(200) })
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
  accessToken: string;
  expiresInSeconds: number;
  user: StaffProfile;
}

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

