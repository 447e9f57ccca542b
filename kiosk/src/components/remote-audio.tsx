import { useEffect, useMemo, useRef } from 'react';
import { attachStream } from '@media/media-element';

/** Plays one remote audio track at the resident's chosen volume (0..1); never visible. */
export function RemoteAudio({ track, volume }: { track: MediaStreamTrack; volume: number }) {
  const ref = useRef<HTMLAudioElement>(null);
  const stream = useMemo(() => new MediaStream([track]), [track]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return attachStream(element, stream, { muted: false });
  }, [stream]);

  useEffect(() => {
    if (ref.current) ref.current.volume = volume;
  }, [volume]);

  return <audio ref={ref} autoPlay />;
}
