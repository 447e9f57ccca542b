import { useEffect } from 'react';
import { useMediaElement } from '@media/use-media-element';

/** Plays one remote audio track at the resident's chosen volume (0..1); never visible. */
export function RemoteAudio({ track, volume }: { track: MediaStreamTrack; volume: number }) {
  const { ref } = useMediaElement<HTMLAudioElement>(track, { muted: false });

  useEffect(() => {
    if (ref.current) ref.current.volume = volume;
  }, [ref, volume]);

  return <audio ref={ref} autoPlay />;
}
