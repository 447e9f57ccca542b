import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../api/api-error';
import { logout, refreshLogin } from '../api/auth-api';
import { authFromLogin, clearAuth, loadAuth, saveAuth } from '../api/auth-storage';
import type { StaffAuth } from '../api/auth-storage';
import { messages } from '../i18n/messages';
import { AuthContext } from './auth-context';
import type { AuthContextValue } from './auth-context';

/** Renew this long before the access token ends (the server warns sockets a minute ahead). */
const REFRESH_AHEAD_MS = 90_000;

/**
 * The staff login: a short access token renewed with a single-use refresh token. Only one
 * refresh is ever in flight, because presenting a spent refresh token ends the login.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [auth, setAuth] = useState<StaffAuth | null>(() => loadAuth());
  const [signOutReason, setSignOutReason] = useState<string | null>(null);
  const authRef = useRef(auth);
  const inflight = useRef<Promise<StaffAuth | null> | null>(null);

  const signIn = useCallback((next: StaffAuth) => {
    saveAuth(next);
    authRef.current = next;
    setSignOutReason(null);
    setAuth(next);
  }, []);

  const signOut = useCallback((reason?: string) => {
    const current = authRef.current;
    // Leaving on purpose ends the login on the server too; an expiry has nothing left to end.
    if (current && reason === undefined) void logout({ token: current.accessToken }).catch(() => undefined);
    clearAuth();
    authRef.current = null;
    setSignOutReason(reason ?? null);
    setAuth(null);
  }, []);

  const refresh = useCallback((): Promise<StaffAuth | null> => {
    const current = authRef.current;
    if (!current) return Promise.resolve(null);
    inflight.current ??= refreshLogin(current.refreshToken)
      .then((response) => {
        const next = authFromLogin(response);
        signIn(next);
        return next;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === ErrorCode.Unauthenticated) {
          signOut(messages.login.sessionExpired);
        } else {
          // Offline for a moment: keep the login and try again shortly.
          window.setTimeout(() => void refreshRef.current(), 5_000);
        }
        return null;
      })
      .finally(() => {
        inflight.current = null;
      });
    return inflight.current;
  }, [signIn, signOut]);

  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  const getToken = useCallback(() => authRef.current?.accessToken ?? null, []);

  const ensureFreshToken = useCallback(async (): Promise<void> => {
    const current = authRef.current;
    if (current && current.expiresAt - Date.now() > REFRESH_AHEAD_MS) return;
    await refresh();
  }, [refresh]);

  useEffect(() => {
    if (!auth) return;
    const timer = window.setTimeout(() => void refresh(), Math.max(0, auth.expiresAt - Date.now() - REFRESH_AHEAD_MS));
    return () => window.clearTimeout(timer);
  }, [auth, refresh]);

  const value = useMemo<AuthContextValue>(
    () => ({ auth, signOutReason, signIn, signOut, getToken, ensureFreshToken }),
    [auth, signOutReason, signIn, signOut, getToken, ensureFreshToken],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
