import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import { reportMissingFaceDevices } from '@madoguchi/call-core/face-device-report';
import { watchGuestDeviceProblems } from '../features/consultations/use-guest-device-problems';
import { watchKioskDeviceProblems } from '../features/consultations/use-kiosk-device-problems';
import { CallClientContext, StaffCallContext } from '../hooks/call-client-context';
import { useAuth } from '../hooks/use-auth';

/**
 * One call client per login (mount it keyed by the member). Token refreshes do not replace it:
 * the socket reads the current token on reconnect and renews its auth when the server asks, so
 * a call survives them. Created in an effect so StrictMode's double mount closes the first one.
 */
export function StaffCallProvider({ children }: { children: ReactNode }) {
  const { getToken, ensureFreshToken } = useAuth();
  const [client, setClient] = useState<StaffCallClient | null>(null);

  useEffect(() => {
    const next = new StaffCallClient({ getToken, refreshToken: ensureFreshToken });
    watchKioskDeviceProblems(next);
    watchGuestDeviceProblems(next);
    // A desk with no camera or microphone: the kiosk says so instead of waiting for a picture.
    const stopReporting = reportMissingFaceDevices(next, (consultationId, device) => next.sendStaffRequest('reportDeviceProblem', { consultationId, device }));
    setClient(next);
    // Failures show through the snapshot's connection state.
    next.connect().catch(() => undefined);
    return () => {
      stopReporting();
      next.close();
      next.removeAllListeners();
    };
  }, [getToken, ensureFreshToken]);

  if (!client) return null;
  return (
    <CallClientContext value={client}>
      <StaffCallContext value={client}>{children}</StaffCallContext>
    </CallClientContext>
  );
}
