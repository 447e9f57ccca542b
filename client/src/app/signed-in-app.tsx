import { AppShell } from './app-shell';
import { StaffCallProvider } from './staff-call-provider';
import { PasswordGate } from './password-gate';

/**
 * Everything after the login: the console, its call and the admin screens. It is a
 * chunk of its own, so the login page loads neither the call code nor mediasoup-client.
 */
export function SignedInApp({ userId }: { userId: string }) {
  return (
    <PasswordGate>
      <StaffCallProvider key={userId}>
        <AppShell />
      </StaffCallProvider>
    </PasswordGate>
  );
}
