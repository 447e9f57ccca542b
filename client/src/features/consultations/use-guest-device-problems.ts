import { useEffect, useState } from 'react';
import type { GuestDeviceProblem } from '@madoguchi/contract/signalling-events';
import { useStaffCall } from '../../hooks/use-call-client';
import { useCallEvent } from '../../hooks/use-call-event';

interface Reported {
  consultationId: string | null;
  problems: readonly GuestDeviceProblem[];
}

const NONE: readonly GuestDeviceProblem[] = [];

/**
 * The cameras and microphones this call's guests reported missing (no device, refused in their
 * browser), so the desk knows why an interpreter's picture or voice does not come. Cleared when a
 * guest leaves (the server names no guest in peerLeft; a guest still without a device would
 * have reported again by joining anew).
 */
export function useGuestDeviceProblems(consultationId: string | null): readonly GuestDeviceProblem[] {
  const desk = useStaffCall();
  const [reported, setReported] = useState<Reported>({ consultationId: null, problems: NONE });
  useEffect(
    () =>
      desk.onServerEvent('guestDeviceProblem', (problem) =>
        setReported((current) => {
          const problems = current.consultationId === problem.consultationId ? current.problems : NONE;
          if (problems.some((p) => p.device === problem.device && p.guestKind === problem.guestKind)) return current;
          return { consultationId: problem.consultationId, problems: [...problems, problem] };
        }),
      ),
    [desk],
  );
  useCallEvent('peerLeft', (role) => {
    if (role === 'guest') setReported({ consultationId: null, problems: NONE });
  });
  return consultationId !== null && reported.consultationId === consultationId ? reported.problems : NONE;
}
