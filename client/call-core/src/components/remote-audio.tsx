import { useEffect } from 'react';
import { useMediaElement } from '../use-media-element';

export interface RemoteAudioProps {
  track: MediaStreamTrack;
  /** 0..1; the kiosk's volume buttons set it, the staff app leaves it to the PC's own volume. */
  volume?: number;
}

/** Plays one remote audio track; never muted, never visible. */
export function RemoteAudio({ track, volume = 1 }: RemoteAudioProps) {
  const { ref } = useMediaElement<HTMLAudioElement>(track, { muted: false });

  useEffect(() => {
    if (ref.current) ref.current.volume = volume;
  }, [ref, volume]);

  return <audio ref={ref} autoPlay />;
}
