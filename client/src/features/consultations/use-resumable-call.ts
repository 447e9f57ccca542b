import { useEffect, useState } from 'react';
import type { ResumeCallResult } from '@madoguchi/contract/signalling-events';
import { useStaffCall } from '../../hooks/use-call-client';
import { useCallState } from '../../hooks/use-call-state';
import { useConnectionState } from '../../hooks/use-connection-state';

/**
 * Each time the console (re)connects with no call of its own, asks the server whether this
 * desk still has a live call (a reload, a closed tab) or one that ended while it was away, and
 * again whenever a call of this desk ends meanwhile.
 */
export function useResumableCall(): ResumeCallResult | null {
  const desk = useStaffCall();
  const connection = useConnectionState();
  const callState = useCallState();
  const [result, setResult] = useState<ResumeCallResult | null>(null);
  // A call offered back may end before 「通話に戻る」 is pressed (the resident hangs up): ask again.
  const [endings, setEndings] = useState(0);
  const idle = callState === 'idle';

  useEffect(() => desk.onServerEvent('callEnded', () => setEndings((n) => n + 1)), [desk]);

  useEffect(() => {
    if (connection !== 'connected' || !idle) {
      setResult(null);
      return;
    }
    let current = true;
    desk.askResume().then(
      (answer) => {
        if (current) setResult(answer);
      },
      () => undefined, // nothing to offer; the queue works as usual
    );
    return () => {
      current = false;
    };
  }, [desk, connection, idle, endings]);

  return result;
}
