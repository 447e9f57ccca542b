import { useContext } from 'react';
import type { CallSession } from '@madoguchi/call-core/call-session';
import { CallSessionContext } from './call-session-context';

export function useCallSession(): CallSession {
  const session = useContext(CallSessionContext);
  if (!session) throw new Error('useCallSession() must be used inside <CallSessionProvider>');
  return session;
}
