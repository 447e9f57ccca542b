import { useSyncExternalStore } from 'react';
import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import type { KioskDevice } from '@madoguchi/contract/signalling-schemas';
import { useStaffCall } from '../../hooks/use-call-client';
import { perDeskStore } from './per-desk-store';

const NONE: ReadonlySet<KioskDevice> = new Set();

/**
 * The kiosk devices each call's kiosk reported as not working. Kept from the moment the desk's
 * client exists, not from when the call panel mounts: a kiosk with no camera says so as soon as
 * the call is answered, often before the panel is on screen. The server tells it again when the
 * desk joins the call (a reloaded console).
 */
class KioskDeviceProblems {
  private byCall = new Map<string, ReadonlySet<KioskDevice>>();
  private readonly listeners = new Set<() => void>();

  constructor(desk: StaffCallClient) {
    desk.onServerEvent('deviceProblem', ({ consultationId, device }) => {
      const devices = this.byCall.get(consultationId) ?? NONE;
      if (devices.has(device)) return;
      // One call at a time at a desk: only the newest call's problems are kept.
      this.byCall = new Map([[consultationId, new Set([...devices, device])]]);
      for (const listener of this.listeners) listener();
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  of(consultationId: string | null): ReadonlySet<KioskDevice> {
    return (consultationId && this.byCall.get(consultationId)) || NONE;
  }
}

/** Starts keeping the reports of `desk` (call it when the desk's client is made). */
export const watchKioskDeviceProblems = perDeskStore((desk) => new KioskDeviceProblems(desk));

/**
 * The kiosk devices this call's kiosk reported as not working: its document camera, or its
 * face camera or microphone missing from the call (no device, or unplugged mid-call).
 */
export function useKioskDeviceProblems(consultationId: string | null): ReadonlySet<KioskDevice> {
  const store = watchKioskDeviceProblems(useStaffCall());
  return useSyncExternalStore(store.subscribe, () => store.of(consultationId));
}
