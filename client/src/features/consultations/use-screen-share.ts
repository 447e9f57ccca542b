import { useEffect, useRef, useState } from 'react';
import { useStaffCall } from '../../hooks/use-call-client';

export interface ScreenShare {
  sharing: boolean;
  busy: boolean;
  failed: boolean;
  start(): void;
  stop(): void;
}

/** Shows the resident a screen (a form, a map) as a second video with source 'screen'. */
export function useScreenShare(): ScreenShare {
  const staffCall = useStaffCall();
  const [sharing, setSharing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = useRef<{ track: MediaStreamTrack } | null>(null);

  const stop = () => {
    const share = current.current;
    current.current = null;
    setSharing(false);
    if (!share) return;
    share.track.stop();
    void staffCall.stopExtraTrack(share.track).catch(() => undefined);
  };
  const stopRef = useRef(stop);
  useEffect(() => {
    stopRef.current = stop;
  });
  // Leaving the call (or the page) ends the share.
  useEffect(() => () => stopRef.current(), []);

  const start = () => {
    if (current.current || busy) return;
    setBusy(true);
    setFailed(false);
    void (async () => {
      let track: MediaStreamTrack | undefined;
      try {
        const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
        track = stream.getVideoTracks()[0];
        if (!track) throw new Error('no video track');
        track.contentHint = 'detail';
        const share = { track };
        current.current = share;
        // The browser's own "stop sharing" bar ends the track.
        track.addEventListener('ended', () => {
          if (current.current === share) stopRef.current();
        });
        // Sent again by the staff call after a reconnect, until stopped.
        await staffCall.startExtraTrack(track, 'screen');
        if (current.current === share) setSharing(true);
        else void staffCall.stopExtraTrack(track).catch(() => undefined);
      } catch (error) {
        track?.stop();
        current.current = null;
        // Cancelling the browser's picker is not a failure worth showing.
        if (!(error instanceof DOMException && error.name === 'NotAllowedError')) setFailed(true);
      } finally {
        setBusy(false);
      }
    })();
  };

  return { sharing, busy, failed, start, stop };
}
