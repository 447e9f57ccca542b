import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { ElementSize } from './use-element-size';

/** The intrinsic size of the frames a <video> plays; follows resolution changes mid-stream. */
export function useVideoSize(ref: RefObject<HTMLVideoElement | null>, source: unknown): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    const read = () => {
      const { videoWidth: width, videoHeight: height } = video;
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    };
    read();
    video.addEventListener('loadedmetadata', read);
    video.addEventListener('resize', read);
    return () => {
      video.removeEventListener('loadedmetadata', read);
      video.removeEventListener('resize', read);
    };
  }, [ref, source]);
  return size;
}
