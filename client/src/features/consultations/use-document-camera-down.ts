import { useEffect, useState } from 'react';
import { useStaffCall } from '../../hooks/use-call-client';

/** True once the kiosk of this call reported that its document camera does not work. */
export function useDocumentCameraDown(sessionId: string | null): boolean {
  const session = useStaffCall();
  const [down, setDown] = useState<string | null>(null);
  useEffect(() => {
    if (!sessionId) return;
    return session.onServerEvent('deviceProblem', (problem) => {
      if (problem.sessionId === sessionId && problem.device === 'documentCamera') setDown(sessionId);
    });
  }, [session, sessionId]);
  return down !== null && down === sessionId;
}
