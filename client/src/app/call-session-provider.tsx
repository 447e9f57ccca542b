import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { CallSession } from '@madoguchi/call-core/call-session';
import { CallSessionContext } from '../hooks/call-session-context';
import { useAuth } from '../hooks/use-auth';

/**
 * One CallSession per login (mount it keyed by the member). Token refreshes do not replace it:
 * the socket reads the current token on reconnect and renews its auth when the server asks, so
 * a call survives them. Created in an effect so StrictMode's double mount closes the first one.
 */
export function CallSessionProvider({ children }: { children: ReactNode }) {
  const { getToken, ensureFreshToken } = useAuth();
  const [session, setSession] = useState<CallSession | null>(null);

  useEffect(() => {
    const next = new CallSession({ getToken, refreshToken: ensureFreshToken });
    setSession(next);
    // Failures show through the snapshot's connection state.
    next.connect().catch(() => undefined);
    return () => {
      next.close();
      next.removeAllListeners();
    };
  }, [getToken, ensureFreshToken]);

  if (!session) return null;
  return <CallSessionContext value={session}>{children}</CallSessionContext>;
}
