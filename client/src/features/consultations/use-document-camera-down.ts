import { useEffect, useState } from 'react';
import { useStaffCall } from '../../hooks/use-call-client';

/** True once the kiosk of this call reported that its document camera does not work. */
export function useDocumentCameraDown(sessionId: string | null): boolean {
  const desk = useStaffCall();
  const [down, setDown] = useState<string | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    return desk.onServerEvent('deviceProblem', (problem) => {
      if (problem.sessionId === sessionId && problem.device === 'documentCamera') setDown(sessionId);
    });
  }, [desk, sessionId]);
  return down !== null && down === sessionId;
}
