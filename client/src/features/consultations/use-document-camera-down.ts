import { useEffect, useState } from 'react';
import { useStaffCall } from '../../hooks/use-call-client';

/** True once the kiosk of this call reported that its document camera does not work. */
export function useDocumentCameraDown(consultationId: string | null): boolean {
  const desk = useStaffCall();
  const [down, setDown] = useState<string | null>(null);
  useEffect(() => {
    if (!consultationId) return;
    return desk.onServerEvent('deviceProblem', (problem) => {
      if (problem.consultationId === consultationId && problem.device === 'documentCamera') setDown(consultationId);
    });
  }, [desk, consultationId]);
  return down !== null && down === consultationId;
}
