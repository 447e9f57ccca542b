import { AppShell } from './app-shell';
import { AuthGuard } from './auth-guard';
import { AuthProvider } from './auth-provider';
import { CallSessionProvider } from './call-session-provider';
import { PasswordGate } from './password-gate';

export function App() {
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
