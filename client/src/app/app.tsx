import { ConsolePage } from '../features/consultations/console-page';
import { AuthGuard } from './auth-guard';
import { AuthProvider } from './auth-provider';
import { CallSessionProvider } from './call-session-provider';

export function App() {
  return (
    <AuthProvider>
      <AuthGuard>
        {(token) => (
          <CallSessionProvider token={token}>
            <ConsolePage />
          </CallSessionProvider>
        )}
      </AuthGuard>
    </AuthProvider>
  );
}
