import { createContext } from 'react';
import type { CallSession } from '@madoguchi/call-core/call-session';

/** The CallSession of the signed-in user; provided by app/call-session-provider. */
export const CallSessionContext = createContext<CallSession | null>(null);
