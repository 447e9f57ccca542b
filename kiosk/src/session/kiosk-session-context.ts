import { createContext } from 'react';
import type { KioskSession } from './kiosk-session';

export const KioskSessionContext = createContext<KioskSession | null>(null);
