import { CallError } from './call-error';
import { createLogger } from './logger';

const logger = createLogger('local-media');

export const FACE_MEDIA_CONSTRAINTS: MediaStreamConstraints = {
  audio: true,
  video: { width: 1280, height: 720 },
};

export interface LocalMedia {
  stream: MediaStream | null;
  /** Set when some or all of the wanted devices could not be opened. */
  error: CallError | null;
}

export type AcquireLocalMedia = () => Promise<LocalMedia>;

/**
 * Opens camera and microphone. A resident must still be able to talk when the camera is
 * broken (or see the specialist when the mic is), so each failure falls back to less.
 */
export async function acquireLocalMedia(): Promise<LocalMedia> {
  const attempts: MediaStreamConstraints[] = [FACE_MEDIA_CONSTRAINTS, { audio: true }, { video: true }];
  let firstError: unknown = null;
  for (const constraints of attempts) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      const error = firstError ? CallError.media('some local devices are unavailable', firstError) : null;
      return { stream, error };
    } catch (error) {
      logger.warn('getUserMedia failed', { constraints, error });
      firstError ??= error;
    }
  }
  return { stream: null, error: CallError.media('no camera or microphone available', firstError) };
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
