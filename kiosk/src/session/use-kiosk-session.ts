import { useContext } from 'react';
import type { KioskSession } from './kiosk-session';
import { KioskSessionContext } from './kiosk-session-context';

export function useKioskSession(): KioskSession {
  const session = useContext(KioskSessionContext);
  if (!session) throw new Error('useKioskSession() must be used inside the kiosk session provider');
  return session;
}
