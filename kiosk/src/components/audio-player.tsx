import { useEffect, useMemo, useRef } from 'react';
import { attachStream } from '@media/media-element';

/** Plays the specialist's voice; not muted, not visible. */
export function AudioPlayer({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  const stream = useMemo(() => new MediaStream([track]), [track]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return attachStream(element, stream, { muted: false });
  }, [stream]);

  return <audio ref={ref} autoPlay />;
}
