import { useMediaElement } from '../use-media-element';

export interface VideoViewProps {
  /** A whole stream (the self view, the document camera's preview) or a single remote track. */
  source: MediaStream | MediaStreamTrack | null;
  label: string;
  /** On the <figure>; the <video> inside fills it (`.video-view video` in each app's stylesheet). */
  className?: string;
  /** Mirror the self view, as people expect from a mirror. */
  mirrored?: boolean;
  placeholder?: string;
  /** Who the tile shows, in words on the picture (「住民」「通訳者」…): every tile says whose it is. */
  caption?: string;
  /** The frame size, when it becomes known or changes (the kiosk fits its document marks to it). */
  onResize?: (width: number, height: number) => void;
}

/**
 * A muted, inline, autoplaying video: the self view must never echo, and remote sound always
 * goes through RemoteAudio. The staff app, the guest page and the kiosk all show video with it.
 */
export function VideoView({ source, label, className, mirrored = false, placeholder, caption, onResize }: VideoViewProps) {
  const { ref, stream } = useMediaElement<HTMLVideoElement>(source, { muted: true });

  const classes = ['video-view', className, mirrored ? 'video-view--mirrored' : null].filter(Boolean).join(' ');
  return (
    <figure className={classes}>
      <video
        ref={ref}
        aria-label={label}
        autoPlay
        playsInline
        muted
        onResize={onResize ? (event) => onResize(event.currentTarget.videoWidth, event.currentTarget.videoHeight) : undefined}
      />
      {caption ? <span className="video-view__caption">{caption}</span> : null}
      {!stream && placeholder ? <figcaption className="video-view__placeholder">{placeholder}</figcaption> : null}
    </figure>
  );
}
