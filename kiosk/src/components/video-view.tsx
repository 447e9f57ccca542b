import { useMediaElement } from '@media/use-media-element';

export interface VideoViewProps {
  source: MediaStream | MediaStreamTrack | null;
  label: string;
  className?: string;
  mirrored?: boolean;
  /** The frame size, when it becomes known or changes. */
  onResize?: (width: number, height: number) => void;
}

/** Always muted: the self view must never echo, and remote sound has its own <audio>. */
export function VideoView({ source, label, className, mirrored = false, onResize }: VideoViewProps) {
  const { ref } = useMediaElement<HTMLVideoElement>(source, { muted: true });

  const classes = ['video-view', className, mirrored ? 'video-view--mirrored' : null].filter(Boolean).join(' ');
  return (
    <video
      ref={ref}
      className={classes}
      aria-label={label}
      autoPlay
      playsInline
      muted
      onResize={onResize ? (event) => onResize(event.currentTarget.videoWidth, event.currentTarget.videoHeight) : undefined}
    />
  );
}
