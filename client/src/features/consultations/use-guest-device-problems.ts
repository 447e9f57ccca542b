import { useSyncExternalStore } from 'react';
import type { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import type { GuestDeviceProblem } from '@madoguchi/contract/signalling-events';
import { useStaffCall } from '../../hooks/use-call-client';
import { perDeskStore } from './per-desk-store';

const NONE: readonly GuestDeviceProblem[] = [];

/**
 * The cameras and microphones this desk's call's guests reported missing (no device, refused in
 * their browser), so the desk knows why an interpreter's picture or voice does not come. Kept
 * from the moment the desk's client exists, like the kiosk's (the server tells a reloaded
 * console again as it joins, before the call panel is on screen). Cleared when a guest leaves or
 * drops (the server names no guest in peerLeft; a guest back with a device still missing says so again).
 */
class GuestDeviceProblems {
  private consultationId: string | null = null;
  private problems: readonly GuestDeviceProblem[] = NONE;
  private readonly listeners = new Set<() => void>();

  constructor(desk: StaffCallClient) {
    desk.onServerEvent('guestDeviceProblem', (problem) => {
      const known = this.consultationId === problem.consultationId ? this.problems : NONE;
      if (known.some((p) => p.device === problem.device && p.guestKind === problem.guestKind)) return;
      // One call at a time at a desk: only the newest call's problems are kept.
      this.set(problem.consultationId, [...known, problem]);
    });
    desk.on('peerLeft', (role) => {
      if (role === 'guest' && this.problems.length > 0) this.set(null, NONE);
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  of(consultationId: string | null): readonly GuestDeviceProblem[] {
    return consultationId !== null && consultationId === this.consultationId ? this.problems : NONE;
  }

  private set(consultationId: string | null, problems: readonly GuestDeviceProblem[]): void {
    this.consultationId = consultationId;
    this.problems = problems;
    for (const listener of this.listeners) listener();
  }
}

/** Starts keeping the guests' reports of `desk` (call it when the desk's client is made). */
export const watchGuestDeviceProblems = perDeskStore((desk) => new GuestDeviceProblems(desk));

/** The guests' cameras and microphones missing from this call. */
export function useGuestDeviceProblems(consultationId: string | null): readonly GuestDeviceProblem[] {
  const store = watchGuestDeviceProblems(useStaffCall());
  return useSyncExternalStore(store.subscribe, () => store.of(consultationId));
}
