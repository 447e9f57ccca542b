import { useEffect, useState } from 'react';

/**
 * Whole minutes waited so far, ticking every `everyMs` (a minute in use; tests shorten it):
 * null until the first tick. The waiting screen says it with the place in the queue, so a
 * resident with nothing to touch knows the kiosk has not forgotten them. Counted from when
 * the waiting screen appeared; at least 1 so the words never say "0 minutes".
 */
export function useWaitReassurance(everyMs: number): number | null {
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    const since = Date.now();
    const id = setInterval(() => setMinutes(Math.max(1, Math.round((Date.now() - since) / 60_000))), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return minutes;
}
