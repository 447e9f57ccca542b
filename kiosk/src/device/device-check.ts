import { createLogger } from '@madoguchi/call-core/logger';

const logger = createLogger('kiosk-device-check');

export type DeviceProblem = 'camera' | 'microphone' | 'documentCamera';

export interface DeviceCheckOptions {
  faceCameraId: string | null;
  /** Checked only when an administrator assigned one. */
  documentCameraId: string | null;
}

/** Frames are compared at this size: enough to see a picture, cheap on a kiosk PC. */
const SAMPLE_WIDTH = 64;
const SAMPLE_HEIGHT = 36;
/**
 * A frozen camera repeats one picture; a slow one (a busy PC) only changes late. So the
 * camera is "frozen" only if no sample differs from the first across SAMPLES tries.
 */
const SAMPLE_GAP_MS = 600;
const SAMPLES = 4;
const FIRST_FRAME_TIMEOUT_MS = 8_000;
/** Below this spread of brightness (0..255) a frame is one flat colour: a covered or dead camera. */
const BLANK_SPREAD = 8;

export function luma(data: Uint8ClampedArray): number[] {
  const values: number[] = [];
  for (let i = 0; i < data.length; i += 4) values.push(0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0));
  return values;
}

/** True when the two samples differ anywhere by more than sensor noise. */
export function framesDiffer(a: readonly number[], b: readonly number[]): boolean {
  return a.some((value, index) => Math.abs(value - (b[index] ?? value)) > 2);
}

export function isBlank(frame: readonly number[]): boolean {
  if (frame.length === 0) return true;
  return Math.max(...frame) - Math.min(...frame) < BLANK_SPREAD;
}

async function firstFrame(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) return;
  await new Promise<void>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('no frame')), FIRST_FRAME_TIMEOUT_MS);
    video.addEventListener('loadeddata', () => {
      window.clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** A camera works if it gives frames that are neither one flat colour nor all the same. */
async function videoWorks(track: MediaStreamTrack): Promise<boolean> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    await firstFrame(video);
    const canvas = document.createElement('canvas');
    canvas.width = SAMPLE_WIDTH;
    canvas.height = SAMPLE_HEIGHT;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return true; // nothing to judge with: do not stop a resident for it
    const sample = (): number[] => {
      context.drawImage(video, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      return luma(context.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data);
    };
    const first = sample();
    for (let i = 1; i < SAMPLES; i += 1) {
      await new Promise((resolve) => window.setTimeout(resolve, SAMPLE_GAP_MS));
      const next = sample();
      if (framesDiffer(first, next)) return !(isBlank(first) && isBlank(next));
    }
    return false;
  } catch (error) {
    logger.warn('camera gave no frames', { error });
    return false;
  } finally {
    video.srcObject = null;
  }
}

async function open(constraints: MediaStreamConstraints): Promise<MediaStream | null> {
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    logger.warn('device not opened', { constraints, error });
    return null;
  }
}

/**
 * Face camera, microphone and (if configured) document camera: present, opening, and the
 * cameras producing moving pictures. Resolves with what is wrong; empty when all is well.
 * Every device opened here is closed again before it resolves.
 */
export async function checkDevices({ faceCameraId, documentCameraId }: DeviceCheckOptions): Promise<DeviceProblem[]> {
  const problems: DeviceProblem[] = [];
  const streams: MediaStream[] = [];
  try {
    const face = await open({ video: faceCameraId ? { deviceId: { exact: faceCameraId } } : true });
    if (face) streams.push(face);
    const faceTrack = face?.getVideoTracks()[0];
    if (!faceTrack || !(await videoWorks(faceTrack))) problems.push('camera');
    const mic = await open({ audio: true });
    if (mic) streams.push(mic);
    if (mic?.getAudioTracks()[0]?.readyState !== 'live') problems.push('microphone');
    if (documentCameraId) {
      const document = await open({ video: { deviceId: { exact: documentCameraId } } });
      if (document) streams.push(document);
      const documentTrack = document?.getVideoTracks()[0];
      if (!documentTrack || !(await videoWorks(documentTrack))) problems.push('documentCamera');
    }
  } finally {
    for (const stream of streams) for (const track of stream.getTracks()) track.stop();
  }
  if (problems.length > 0) logger.warn('device check found problems', { problems: problems.join(',') });
  return problems;
}
