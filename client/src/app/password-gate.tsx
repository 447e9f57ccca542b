import type { ReactNode } from 'react';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { useAuth } from '../hooks/use-auth';

/** A member with an admin-issued temporary password must replace it before anything else. */
export function PasswordGate({ children }: { children: ReactNode }) {
  const { auth } = useAuth();
  if (auth?.user.mustChangePassword) return <ChangePasswordPage />;
  return children;
}
