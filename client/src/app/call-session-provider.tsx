import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { CallSession } from '@media/call-session';
import { CallSessionContext } from '../hooks/call-session-context';

/**
 * One CallSession per access token. It is created in an effect, not during render, so
 * StrictMode's double mount closes the first one instead of leaking a socket.
 */
export function CallSessionProvider({ token, children }: { token: string; children: ReactNode }) {
  const [session, setSession] = useState<CallSession | null>(null);

  useEffect(() => {
    const next = new CallSession({ getToken: () => token });
    setSession(next);
    // Failures show through the snapshot's connection state.
    next.connect().catch(() => undefined);
    return () => {
      next.close();
      next.removeAllListeners();
    };
  }, [token]);

  if (!session) return null;
  return <CallSessionContext value={session}>{children}</CallSessionContext>;
}
