import { useContext } from 'react';
import type { KioskController } from './kiosk-controller';
import { KioskControllerContext } from './kiosk-controller-context';

export function useKioskController(): KioskController {
  const controller = useContext(KioskControllerContext);
  if (!controller) throw new Error('useKioskController() must be used inside KioskControllerContext');
  return controller;
}
