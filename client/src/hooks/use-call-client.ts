import { useContext } from 'react';
import type { CallClient } from '@madoguchi/call-core/call/call-client';
import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import { CallClientContext, StaffCallContext } from './call-client-context';

/** The page's call client, whoever's it is (the snapshot, the events). */
export function useCallClient(): CallClient {
  const client = useContext(CallClientContext);
  if (!client) throw new Error('useCallClient() must be used inside <StaffCallProvider> or the guest page');
  return client;
}

/** The desk's call client; only the signed-in staff app provides one, so a guest screen cannot reach its requests. */
export function useStaffCall(): StaffCallClient {
  const client = useContext(StaffCallContext);
  if (!client) throw new Error('useStaffCall() must be used inside <StaffCallProvider>');
  return client;
}
