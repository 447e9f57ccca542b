import type { ReactNode } from 'react';
import { LoginPage } from '../features/auth/login-page';
import { useAuth } from '../hooks/use-auth';

/** Shows the login page until someone is signed in. */
export function AuthGuard({ children }: { children: (token: string) => ReactNode }) {
  const { auth } = useAuth();
  if (!auth) return <LoginPage />;
  return children(auth.accessToken);
}
