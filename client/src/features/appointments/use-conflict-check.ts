import { useEffect, useState } from 'react';
import type { ConflictCheckRequest, ConflictingAppointment } from '@madoguchi/contract/appointments';
import { checkConflicts } from '../../api/appointments-api';
import { useApi } from '../../hooks/use-api';

export type ConflictCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; conflicts: ConflictingAppointment[] }
  | { status: 'failed' };

/**
 * Asks the server which appointments the slot would collide with, once the admin has
 * stopped typing for `delayMs`. A newer slot aborts the older question.
 */
export function useConflictCheck(request: ConflictCheckRequest | null, delayMs = 400): ConflictCheck {
  const { run } = useApi();
  const [result, setResult] = useState<ConflictCheck>({ status: 'idle' });
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!key) {
      setResult({ status: 'idle' });
      return;
    }
    const body = JSON.parse(key) as ConflictCheckRequest;
    const controller = new AbortController();
    setResult({ status: 'checking' });
    const timer = window.setTimeout(() => {
      run((options) => checkConflicts(body, options), controller.signal).then(
        (conflicts) => !controller.signal.aborted && setResult({ status: 'done', conflicts }),
        () => !controller.signal.aborted && setResult({ status: 'failed' }),
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, delayMs, run]);

  return result;
}
