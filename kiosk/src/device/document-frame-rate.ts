import { createLogger } from '@madoguchi/call-core/logger';

const logger = createLogger('kiosk-document-frame-rate');

/** While the paper moves (placed, turned, pointed at): smooth enough to follow the hand. */
export const MOVING_FPS = 15;
/** A still page: every frame is the same text, so a few a second keep it sharp for less CPU. */
export const STILL_FPS = 5;

/** How often a thumbnail of the picture is compared with the previous one. */
const SAMPLE_MS = 500;
/** The picture has not changed for this long: still. */
const STILL_AFTER_MS = 2_000;
/** Mean absolute luma difference (0-255) of the 32x18 thumbnail above which the picture moved. */
const MOTION_THRESHOLD = 3;

const THUMB_W = 32;
const THUMB_H = 18;

export interface DocumentFrameRateOptions {
  now?: () => number;
}

/**
 * Off: bench:kiosk measured the watch costing the kiosk more CPU and memory than the frames
 * it saves (docs/benchmarks.md, bench:kiosk). bench:kiosk sets this to true in the page to keep
 * comparing; the apps never do.
 */
const BENCH_OVERRIDE = '__madoguchiStillDocumentFps';

const enabled = (): boolean => (globalThis as Record<string, unknown>)[BENCH_OVERRIDE] === true;

/**
 * Lowers the document camera to STILL_FPS while the picture stays still and raises it again
 * at the first movement. The frame rate is a constraint on the track, so fewer frames reach
 * the encoder (and the network) while the resolution, and so the small print, stays the same.
 * Returns the stop function.
 */
export function watchDocumentFrameRate(track: MediaStreamTrack, options: DocumentFrameRateOptions = {}): () => void {
  if (!enabled()) return () => undefined;
  const now = options.now ?? Date.now;
  const grab = frameGrabber(track);
  const canvas = document.createElement('canvas');
  canvas.width = THUMB_W;
  canvas.height = THUMB_H;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let previous: Uint8ClampedArray | null = null;
  const detector = new StillPageDetector(now());
  let fps = MOVING_FPS;

  const setFps = (next: number): void => {
    if (next === fps || track.readyState !== 'live') return;
    fps = next;
    // max as well as ideal: Chromium drops frames down to it instead of opening the camera anew.
    track.applyConstraints({ ...track.getConstraints(), frameRate: { ideal: next, max: next } }).then(
      () => logger.info('document frame rate', { fps: next }),
      (error: unknown) => logger.warn('document frame rate not applied', { fps: next, error }),
    );
  };

  let busy = false;
  const timer = window.setInterval(() => {
    if (!context || busy || track.readyState !== 'live') return;
    busy = true;
    grab
      .next()
      .then((drawn) => {
        if (!drawn) return;
        context.drawImage(drawn, 0, 0, THUMB_W, THUMB_H);
        if ('close' in drawn) drawn.close();
        const pixels = context.getImageData(0, 0, THUMB_W, THUMB_H).data;
        const difference = previous === null ? Infinity : meanLumaDifference(previous, pixels);
        previous = pixels;
        setFps(detector.observe(difference, now()));
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, SAMPLE_MS);

  return () => {
    window.clearInterval(timer);
    grab.stop();
  };
}

/**
 * One frame on demand. ImageCapture.grabFrame() takes a single frame (Chromium); a playing
 * <video> would have every frame delivered to it, so it is only the fallback.
 */
function frameGrabber(track: MediaStreamTrack): { next: () => Promise<ImageBitmap | HTMLVideoElement | null>; stop: () => void } {
  const Capture = (window as unknown as { ImageCapture?: new (track: MediaStreamTrack) => { grabFrame(): Promise<ImageBitmap> } }).ImageCapture;
  if (Capture) {
    const capture = new Capture(track);
    return { next: () => capture.grabFrame(), stop: () => undefined };
  }
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  void video.play().catch(() => undefined);
  return {
    next: async () => (video.videoWidth > 0 ? video : null),
    stop: () => {
      video.srcObject = null;
    },
  };
}

/** Which frame rate the document camera should have, from successive picture differences. */
export class StillPageDetector {
  private lastMotion: number;
  private fps = MOVING_FPS;

  constructor(now: number) {
    this.lastMotion = now;
  }

  /** `difference`: meanLumaDifference() of this thumbnail and the last one. Returns the fps to use. */
  observe(difference: number, now: number): number {
    if (difference > MOTION_THRESHOLD) {
      this.lastMotion = now;
      this.fps = MOVING_FPS;
    } else if (now - this.lastMotion >= STILL_AFTER_MS) {
      this.fps = STILL_FPS;
    }
    return this.fps;
  }
}

/** Mean absolute difference of the luma of two RGBA buffers of the same size. */
export function meanLumaDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let sum = 0;
  const pixels = Math.min(a.length, b.length) / 4;
  for (let i = 0; i < pixels * 4; i += 4) {
    const la = 0.299 * (a[i] ?? 0) + 0.587 * (a[i + 1] ?? 0) + 0.114 * (a[i + 2] ?? 0);
    const lb = 0.299 * (b[i] ?? 0) + 0.587 * (b[i + 1] ?? 0) + 0.114 * (b[i + 2] ?? 0);
    sum += Math.abs(la - lb);
  }
  return pixels === 0 ? 0 : sum / pixels;
}
