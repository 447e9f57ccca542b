import { useMediaElement } from '@media/use-media-element';

/** Plays one remote audio track; never muted, never visible. */
export function AudioPlayer({ track }: { track: MediaStreamTrack }) {
  const { ref } = useMediaElement<HTMLAudioElement>(track, { muted: false });
  return <audio ref={ref} autoPlay />;
}
