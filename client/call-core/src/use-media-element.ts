import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { attachStream } from './media-element';

/**
 * Plays a stream or a single track in the <video>/<audio> element behind the returned ref, for
 * as long as the component shows it. Kiosk and staff app share it, so both handle blocked
 * autoplay and track changes the same way. `stream` is null while there is nothing to play.
 */
export function useMediaElement<E extends HTMLMediaElement>(
  source: MediaStream | MediaStreamTrack | null,
  { muted }: { muted: boolean },
): { ref: RefObject<E | null>; stream: MediaStream | null } {
  const ref = useRef<E>(null);
  const stream = useMemo(() => (source instanceof MediaStreamTrack ? new MediaStream([source]) : source), [source]);

  useEffect(() => {
    const element = ref.current;
    if (!element || !stream) return;
    return attachStream(element, stream, { muted });
  }, [stream, muted]);

  return { ref, stream };
}
