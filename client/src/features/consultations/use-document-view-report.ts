import { useEffect } from 'react';
import { useStaffCall } from '../../hooks/use-call-client';

/**
 * While the document pane is mounted, tells the kiosk whether anyone can see it: a console
 * hidden behind another window or minimised (the page's visibility) says `shown: false`, and
 * the kiosk stops encoding and sending its 1080p document camera until the console is back
 * (issue 16.4). Back in view, the kiosk resumes and the first frame is a key frame.
 */
export function useDocumentViewReport(consultationId: string | null): void {
  const staffCall = useStaffCall();
  useEffect(() => {
    if (!consultationId) return;
    let last: boolean | null = null;
    const report = () => {
      const shown = document.visibilityState !== 'hidden';
      if (shown === last) return;
      last = shown;
      staffCall.sendStaffRequest('documentView', { consultationId, shown }).catch(() => {
        // Not told: the kiosk goes on sending, which costs only its CPU; the next change tries again.
        last = null;
      });
    };
    // Only a hidden console needs saying at mount: the kiosk sends by default.
    if (document.visibilityState === 'hidden') report();
    else last = true;
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, [staffCall, consultationId]);
}
