import type { PointerMark } from '@madoguchi/contract/signalling-schemas';
import { useState } from 'react';
import { PointerOverlay } from './pointer-overlay';
import { VideoView } from '@madoguchi/call-core/components/video-view';

export interface DocumentPreviewProps {
  stream: MediaStream;
  marks: readonly PointerMark[];
  label: string;
}

/**
 * What the document camera sends, with the specialist's marks on top. The box takes the
 * video's own aspect ratio so the overlay's 0..1 coordinates land on the frame, not on bars.
 */
export function DocumentPreview({ stream, marks, label }: DocumentPreviewProps) {
  const [ratio, setRatio] = useState('16 / 9');
  return (
    <figure className="document-preview" style={{ aspectRatio: ratio }}>
      <VideoView
        className="document-preview__video"
        source={stream}
        label={label}
        onResize={(width, height) => setRatio(`${width} / ${height}`)}
      />
      <PointerOverlay marks={marks} />
    </figure>
  );
}
