import { GuestPage, guestLinkFromHash } from '../features/guest/guest-page';
import { AppShell } from './app-shell';
import { AuthGuard } from './auth-guard';
import { AuthProvider } from './auth-provider';
import { CallSessionProvider } from './call-session-provider';
import { PasswordGate } from './password-gate';

export function App() {
  // A guest link opens the guest page: no login, one call.
  const guest = guestLinkFromHash(window.location.hash);
  if (guest) return <GuestPage sessionId={guest.sessionId} token={guest.token} />;
  return (
    <AuthProvider>
      <AuthGuard>
        {(userId) => (
          <PasswordGate>
            <CallSessionProvider key={userId}>
              <AppShell />
            </CallSessionProvider>
          </PasswordGate>
        )}
      </AuthGuard>
    </AuthProvider>
  );
}
