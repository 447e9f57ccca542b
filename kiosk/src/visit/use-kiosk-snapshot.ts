import { useCallback, useSyncExternalStore } from 'react';
import type { KioskSnapshot } from './kiosk-controller';
import { useKioskController } from './use-kiosk-controller';

/** The kiosk's state plus the call core's snapshot; a new object on every change. */
export function useKioskSnapshot(): KioskSnapshot {
  const controller = useKioskController();
  const subscribe = useCallback((onChange: () => void) => controller.on('changed', onChange), [controller]);
  return useSyncExternalStore(subscribe, () => controller.getSnapshot());
}
