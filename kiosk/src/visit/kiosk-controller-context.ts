import { createContext } from 'react';
import type { KioskController } from './kiosk-controller';

export const KioskControllerContext = createContext<KioskController | null>(null);
