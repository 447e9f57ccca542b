export interface Still {
  blob: Blob;
  width: number;
  height: number;
  /** Lower-case hex SHA-256 of the bytes, for the X-Content-SHA256 header. */
  sha256: string;
}

const JPEG_QUALITY = 0.92;

type GrabFrame = { grabFrame(): Promise<ImageBitmap> };
type ImageCaptureConstructor = new (track: MediaStreamTrack) => GrabFrame;

/** One frame of the track at its full size: ImageCapture where there is one, else a video element. */
async function grab(track: MediaStreamTrack): Promise<CanvasImageSource & { width: number; height: number }> {
  const ImageCaptureClass = (window as unknown as { ImageCapture?: ImageCaptureConstructor }).ImageCapture;
  if (ImageCaptureClass) {
    try {
      return await new ImageCaptureClass(track).grabFrame();
    } catch {
      // Some drivers refuse grabFrame(); the video element below works with any track.
    }
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  if (video.videoWidth === 0) await new Promise((resolve) => video.addEventListener('resize', resolve, { once: true }));
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  video.srcObject = null;
  return canvas;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A full-resolution JPEG of the document camera's current frame, with its SHA-256. */
export async function captureStill(track: MediaStreamTrack): Promise<Still> {
  const frame = await grab(track);
  const canvas = document.createElement('canvas');
  canvas.width = frame.width;
  canvas.height = frame.height;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) throw new Error('no frame to capture');
  context.drawImage(frame, 0, 0);
  if ('close' in frame && typeof frame.close === 'function') frame.close();
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
  const sha256 = toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return { blob, width: canvas.width, height: canvas.height, sha256 };
}
