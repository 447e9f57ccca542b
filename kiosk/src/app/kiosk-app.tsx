import { useEffect, useState } from 'react';
import { captureCredential, clearPairingRequest, pairingRequested, watchForNewCredential } from '../device/credential-store';
import { KioskSession } from '../session/kiosk-session';
import { KioskSessionContext } from '../session/kiosk-session-context';
import { KioskScreen } from './kiosk-screen';
import { lockDown } from './lock-down';
import { ScreenErrorBoundary } from './screen-error-boundary';

// Re-provisioning, or leaving a `#pair` screen: the simplest clean restart is a reload.
const restart = (): void => window.location.reload();

export function KioskApp() {
  const [session, setSession] = useState<KioskSession | null>(null);

  useEffect(() => {
    const next = new KioskSession({ credential: captureCredential(), forcePairing: pairingRequested() });
    setSession(next);
    void next.start();
    return () => next.close();
  }, []);

  useEffect(() => lockDown(), []);

  useEffect(() => watchForNewCredential(restart), []);

  // Every touch on a choosing or typing screen tells the session someone is still there.
  useEffect(() => {
    if (!session) return;
    const onTouch = () => session.noteActivity();
    document.addEventListener('pointerdown', onTouch, { capture: true, passive: true });
    return () => document.removeEventListener('pointerdown', onTouch, { capture: true });
  }, [session]);

  if (!session) return null;
  return (
    <KioskSessionContext value={session}>
      <ScreenErrorBoundary onReset={() => session.reset()}>
        <KioskScreen
          onLeavePairing={() => {
            clearPairingRequest();
            restart();
          }}
        />
      </ScreenErrorBoundary>
    </KioskSessionContext>
  );
}
