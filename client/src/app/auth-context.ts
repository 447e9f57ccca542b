import { createContext } from 'react';
import type { StaffAuth } from '../api/auth-storage';

export interface AuthContextValue {
  auth: StaffAuth | null;
  /** Why the user was signed out, shown on the login page. */
  signOutReason: string | null;
  signIn(auth: StaffAuth): void;
  signOut(reason?: string): void;
  /** The current access token (it changes on every refresh; read it when sending). */
  getToken(): string | null;
  /** Resolves once the access token has a while left (refreshing it if needed). */
  ensureFreshToken(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
