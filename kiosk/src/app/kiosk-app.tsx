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
import { KioskController } from '../visit/kiosk-controller';
import type { KioskStateName } from '../visit/kiosk-state';
import { readTimingOverrides } from '../visit/timing-overrides';
import { KioskControllerContext } from '../visit/kiosk-controller-context';
import { KioskScreen } from './kiosk-screen';
import { lockDown } from './lock-down';
import { ScreenErrorBoundary } from './screen-error-boundary';

// Re-provisioning, or leaving a `#pair` screen: the simplest clean restart is a reload.
const restart = (): void => window.location.reload();

/** A kiosk nobody touches still gets the call library ready before its first resident. */
const PRELOAD_UNTOUCHED_MS = 60_000;

function preloadOnFirstTouch(): () => void {
  const preload = (): void => {
    window.clearTimeout(timer);
    document.removeEventListener('pointerdown', preload, { capture: true });
    preloadMediasoupClient();
  };
  const timer = window.setTimeout(preload, PRELOAD_UNTOUCHED_MS);
  document.addEventListener('pointerdown', preload, { capture: true, passive: true });
  return () => {
    window.clearTimeout(timer);
    document.removeEventListener('pointerdown', preload, { capture: true });
  };
}

/** A reload would drop a resident's place in the queue or their call. */
const RELOAD_BLOCKERS: ReadonlySet<KioskStateName> = new Set(['calling', 'inCall']);

export function KioskApp() {
  const [controller, setController] = useState<KioskController | null>(null);
  const [installer, setInstaller] = useState(installerScreenRequested);
  const closeInstaller = (): void => {
    clearInstallerScreenRequest();
    setInstaller(null);
  };

  useEffect(() => {
    const next = new KioskController({ credential: captureCredential(), forcePairing: pairingRequested(), ...readTimingOverrides() });
    setController(next);
    void next.start();
    return () => next.close();
  }, []);

  useEffect(() => lockDown(), []);

  // The first screen comes up without the call library. It is fetched at the first touch (or
  // a minute after start), and the controller loads it when a resident begins: the idle screen's
  // start-up stays free of its parsing (Lighthouse's total blocking time, issue 16 item 2).
  useEffect(() => preloadOnFirstTouch(), []);

  useEffect(() => {
    if (!controller) return;
    return startUiWatchdog({ canReload: () => !RELOAD_BLOCKERS.has(controller.getSnapshot().state.name) });
  }, [controller]);

  useEffect(() => watchForNewCredential(restart), []);

  // Every touch on a choosing or typing screen tells the controller someone is still there.
  useEffect(() => {
    if (!controller) return;
    const onTouch = () => controller.noteActivity();
    document.addEventListener('pointerdown', onTouch, { capture: true, passive: true });
    return () => document.removeEventListener('pointerdown', onTouch, { capture: true });
  }, [controller]);

  if (!controller) return null;
  return (
    <KioskControllerContext value={controller}>
      <ScreenErrorBoundary onReset={() => controller.reset()}>
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
