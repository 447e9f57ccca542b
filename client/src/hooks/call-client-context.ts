import { createContext } from 'react';
import type { CallClient } from '@madoguchi/call-core/call/call-client';
import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';

/** The call client of this page (the desk's, or a guest's): what every call screen reads. */
export const CallClientContext = createContext<CallClient | null>(null);

/** The desk's call client, for the console's own requests; provided by app/staff-call-provider. */
export const StaffCallContext = createContext<StaffCallClient | null>(null);
