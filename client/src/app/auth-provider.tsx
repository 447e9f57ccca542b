import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { clearAuth, loadAuth, saveAuth } from '../api/auth-storage';
import type { StaffAuth } from '../api/auth-storage';
import { messages } from '../i18n/messages';
import { AuthContext } from './auth-context';
import type { AuthContextValue } from './auth-context';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [auth, setAuth] = useState<StaffAuth | null>(() => loadAuth());
  const [signOutReason, setSignOutReason] = useState<string | null>(null);

  const signIn = useCallback((next: StaffAuth) => {
    saveAuth(next);
    setSignOutReason(null);
    setAuth(next);
  }, []);

  const signOut = useCallback((reason?: string) => {
    clearAuth();
    setSignOutReason(reason ?? null);
    setAuth(null);
  }, []);

  // There is no refresh endpoint for staff: at expiry the user signs in again.
  useEffect(() => {
    if (!auth) return;
    const timer = window.setTimeout(() => signOut(messages.login.sessionExpired), Math.max(0, auth.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [auth, signOut]);

  const value = useMemo<AuthContextValue>(
    () => ({ auth, signOutReason, signIn, signOut }),
    [auth, signOutReason, signIn, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
