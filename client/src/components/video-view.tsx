import { useMediaElement } from '@media/use-media-element';

export interface VideoViewProps {
  /** A whole stream (the self view) or a single remote track. */
  source: MediaStream | MediaStreamTrack | null;
  label: string;
  className?: string;
  /** Mirror the self view, as people expect from a mirror. */
  mirrored?: boolean;
  placeholder?: string;
  /** Who the tile shows, in words on the picture (「住民」「通訳者」…): every tile says whose it is. */
  caption?: string;
}

/** A muted, inline, autoplaying video; sound always goes through AudioPlayer. */
export function VideoView({ source, label, className, mirrored = false, placeholder, caption }: VideoViewProps) {
  const { ref, stream } = useMediaElement<HTMLVideoElement>(source, { muted: true });

  const classes = ['video-view', className, mirrored ? 'video-view--mirrored' : null].filter(Boolean).join(' ');
  return (
    <figure className={classes}>
      <video ref={ref} aria-label={label} autoPlay playsInline muted />
      {caption ? <span className="video-view__caption">{caption}</span> : null}
      {!stream && placeholder ? <figcaption className="video-view__placeholder">{placeholder}</figcaption> : null}
    </figure>
  );
}
