import { useEffect, useState } from 'react';
import { captureCredential, watchForNewCredential } from '../device/credential-store';
import { KioskSession } from '../session/kiosk-session';
import { KioskSessionContext } from '../session/kiosk-session-context';
import { KioskScreen } from './kiosk-screen';
import { lockDown } from './lock-down';
import { ScreenErrorBoundary } from './screen-error-boundary';

export function KioskApp() {
  const [session, setSession] = useState<KioskSession | null>(null);

  useEffect(() => {
    const next = new KioskSession({ credential: captureCredential() });
    setSession(next);
    void next.start();
    return () => next.close();
  }, []);

  useEffect(() => lockDown(), []);

  // Re-provisioning: the simplest clean restart with the new credential is a reload.
  useEffect(() => watchForNewCredential(() => window.location.reload()), []);

  if (!session) return null;
  return (
    <KioskSessionContext value={session}>
      <ScreenErrorBoundary onReset={() => session.reset()}>
        <KioskScreen />
      </ScreenErrorBoundary>
    </KioskSessionContext>
  );
}
