import { createLogger } from './logger';

const logger = createLogger('media-element');

/**
 * Plays a stream in a <video> or <audio> element and returns the function that detaches it.
 * Chromium refuses to autoplay sound without a user gesture; if it does, playback is
 * retried at the next touch instead of leaving the resident without sound.
 */
export function attachStream(element: HTMLMediaElement, stream: MediaStream, { muted }: { muted: boolean }): () => void {
  element.muted = muted;
  element.srcObject = stream;
  let retry: (() => void) | null = null;
  element.play().catch((error: unknown) => {
    if (!(error instanceof DOMException) || error.name !== 'NotAllowedError') {
      // AbortError: the source changed before playback began, which is harmless.
      logger.debug('play interrupted', { error });
      return;
    }
    logger.warn('autoplay blocked, waiting for a touch');
    retry = () => void element.play().catch(() => undefined);
    document.addEventListener('pointerdown', retry, { once: true, capture: true });
  });
  return () => {
    if (retry) document.removeEventListener('pointerdown', retry, { capture: true });
    if (element.srcObject === stream) element.srcObject = null;
  };
}
