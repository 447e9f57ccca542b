import type { ReactNode } from 'react';
import { LoginPage } from '../features/auth/login-page';
import { useAuth } from '../hooks/use-auth';
import { messages } from '../i18n/messages';

/**
 * Shows the login page until someone is signed in; children get the signed-in member's id.
 * After a reload with a lapsed access token, waits for the refresh instead of sending requests
 * that would be refused.
 */
export function AuthGuard({ children }: { children: (userId: string) => ReactNode }) {
  const { auth } = useAuth();
  if (!auth) return <LoginPage />;
  if (auth.expiresAt - Date.now() < 5_000) {
    return (
      <p className="page-status" role="status">
        {messages.login.resuming}
      </p>
    );
  }
  return children(auth.user.id);
}
