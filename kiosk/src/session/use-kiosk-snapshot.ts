import { useCallback, useSyncExternalStore } from 'react';
import type { KioskSnapshot } from './kiosk-controller';
import { useKioskController } from './use-kiosk-controller';

/** The kiosk's state plus the call core's snapshot; a new object on every change. */
export function useKioskSnapshot(): KioskSnapshot {
  const session = useKioskController();
  const subscribe = useCallback((onChange: () => void) => session.on('changed', onChange), [session]);
  return useSyncExternalStore(subscribe, () => session.getSnapshot());
}
