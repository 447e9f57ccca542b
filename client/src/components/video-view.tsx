import { useEffect, useMemo, useRef } from 'react';
import { attachStream } from '@media/media-element';

export interface VideoViewProps {
  /** A whole stream (the self view) or a single remote track. */
  source: MediaStream | MediaStreamTrack | null;
  label: string;
  className?: string;
  /** Mirror the self view, as people expect from a mirror. */
  mirrored?: boolean;
  placeholder?: string;
}

/** A muted, inline, autoplaying video; sound always goes through AudioPlayer. */
export function VideoView({ source, label, className, mirrored = false, placeholder }: VideoViewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  const stream = useMemo(
    () => (source instanceof MediaStreamTrack ? new MediaStream([source]) : source),
    [source],
  );

  useEffect(() => {
    const element = ref.current;
    if (!element || !stream) return;
    return attachStream(element, stream, { muted: true });
  }, [stream]);

  const classes = ['video-view', className, mirrored ? 'video-view--mirrored' : null].filter(Boolean).join(' ');
  return (
    <figure className={classes}>
      <video ref={ref} aria-label={label} autoPlay playsInline muted />
      {!stream && placeholder ? <figcaption className="video-view__placeholder">{placeholder}</figcaption> : null}
    </figure>
  );
}
