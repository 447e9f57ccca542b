import { useEffect, useState } from 'react';
import { preloadMediasoupClient } from '@madoguchi/call-core/load-mediasoup-client';
import {
  captureCredential,
  clearInstallerScreenRequest,
  clearPairingRequest,
  installerScreenRequested,
  pairingRequested,
  watchForNewCredential,
} from '../device/credential-store';
import { CheckScreen } from '../screens/check-screen';
import { InstallScreen } from '../screens/install-screen';
import { startUiWatchdog } from '../device/ui-watchdog';
import { KioskController } from '../session/kiosk-controller';
import type { KioskStateName } from '../session/kiosk-state';
import { readTimingOverrides } from '../session/timing-overrides';
import { KioskControllerContext } from '../session/kiosk-controller-context';
import { KioskScreen } from './kiosk-screen';
import { lockDown } from './lock-down';
import { ScreenErrorBoundary } from './screen-error-boundary';

// Re-provisioning, or leaving a `#pair` screen: the simplest clean restart is a reload.
const restart = (): void => window.location.reload();

/** A reload would drop a resident's place in the queue or their call. */
const RELOAD_BLOCKERS: ReadonlySet<KioskStateName> = new Set(['calling', 'inCall']);

export function KioskApp() {
  const [session, setSession] = useState<KioskController | null>(null);
  const [installer, setInstaller] = useState(installerScreenRequested);
  const closeInstaller = (): void => {
    clearInstallerScreenRequest();
    setInstaller(null);
  };

  useEffect(() => {
    const next = new KioskController({ credential: captureCredential(), forcePairing: pairingRequested(), ...readTimingOverrides() });
    setSession(next);
    void next.start();
    return () => next.close();
  }, []);

  useEffect(() => lockDown(), []);

  // The first screen comes up without the call library; it follows in the background.
  useEffect(() => preloadMediasoupClient(), []);

  useEffect(() => {
    if (!session) return;
    return startUiWatchdog({ canReload: () => !RELOAD_BLOCKERS.has(session.getSnapshot().state.name) });
  }, [session]);

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
    <KioskControllerContext value={session}>
      <ScreenErrorBoundary onReset={() => session.reset()}>
        {installer === 'check' ? (
          <CheckScreen onClose={closeInstaller} />
        ) : installer === 'install' ? (
          <InstallScreen onClose={closeInstaller} />
        ) : (
          <KioskScreen
            onLeavePairing={() => {
              clearPairingRequest();
              restart();
            }}
          />
        )}
      </ScreenErrorBoundary>
    </KioskControllerContext>
  );
}
