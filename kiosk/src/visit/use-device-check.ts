import { useCallback, useEffect, useRef, useState } from 'react';
import { checkDevices } from '../device/device-check';
import type { DeviceProblem } from '../device/device-check';
import type { KioskStateName } from './kiosk-state';

export interface DeviceCheckResult {
  problems: readonly DeviceProblem[];
  checking: boolean;
  retry: () => void;
  dismiss: () => void;
}

/**
 * Checks the cameras and the microphone each time a resident leaves Idle, in the background
 * while they choose; says nothing unless something is wrong.
 */
export function useDeviceCheck(
  stateName: KioskStateName,
  roles: { faceCameraId: string | null; documentCameraId: string | null } | null,
): DeviceCheckResult {
  const [problems, setProblems] = useState<readonly DeviceProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const run = useRef(0);
  const faceCameraId = roles?.faceCameraId ?? null;
  const documentCameraId = roles?.documentCameraId ?? null;

  const check = useCallback(() => {
    const id = ++run.current;
    setChecking(true);
    void checkDevices({ faceCameraId, documentCameraId })
      .catch(() => [] as DeviceProblem[])
      .then((found) => {
        if (run.current !== id) return;
        setChecking(false);
        setProblems(found);
      });
  }, [faceCameraId, documentCameraId]);

  const started = stateName === 'start';
  useEffect(() => {
    if (started) check();
  }, [started, check]);

  // Back at Idle: whatever was found belongs to the last resident's attempt.
  const atIdle = stateName === 'idle';
  useEffect(() => {
    if (!atIdle) return;
    run.current += 1;
    setProblems([]);
    setChecking(false);
  }, [atIdle]);

  return { problems, checking, retry: check, dismiss: () => setProblems([]) };
}
