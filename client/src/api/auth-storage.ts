import type { LoginResponse, StaffProfile } from '@madoguchi/contract/rest';

const STORAGE_KEY = 'madoguchi.staff.auth';

export interface StaffAuth {
  accessToken: string;
  /** Single use; replaced on every refresh. */
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: StaffProfile;
}

export function authFromLogin(response: LoginResponse, now: number = Date.now()): StaffAuth {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken,
    expiresAt: now + response.expiresInSeconds * 1000,
    user: response.user,
  };
}

/**
 * The staff token lives in sessionStorage: it survives a reload but not closing the tab,
 * which matters on shared counter PCs.
 */
export function loadAuth(now: number = Date.now()): StaffAuth | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const auth = JSON.parse(raw) as Partial<StaffAuth>;
    if (typeof auth.accessToken !== 'string' || typeof auth.refreshToken !== 'string' || typeof auth.expiresAt !== 'number' || !auth.user) {
      return null;
    }
    // An expired access token is fine: the refresh token renews it (or the server says the login ended).
    void now;
    return auth as StaffAuth;
  } catch {
    return null;
  }
}

export function saveAuth(auth: StaffAuth): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
}

export function clearAuth(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
