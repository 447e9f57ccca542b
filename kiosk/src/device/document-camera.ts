import { createLogger } from '@madoguchi/call-core/logger';
import { isBlank, luma } from './device-check';

const logger = createLogger('kiosk-document-camera');

export interface DocumentCameraOptions {
  /** The administrator's choice (kioskConfig cameraRoles.documentCameraId). */
  documentCameraId: string | null;
  /** The face camera in use, so the fallback never opens it a second time. */
  faceCameraId: string | null;
}

/**
 * Small print must stay readable: ask for 1080p and at most 15 frames a second, which the
 * encoder then keeps at full resolution (contentHint 'detail').
 */
const DOCUMENT_VIDEO: MediaTrackConstraints = {
  width: { ideal: 1920 },
  height: { ideal: 1080 },
  frameRate: { ideal: 15, max: 15 },
};

/** How long a candidate camera may take to show its first picture before it is passed over. */
const PICTURE_TIMEOUT_MS = 3_000;

/** The camera chosen automatically, kept for later calls: trying each camera takes seconds. */
let autoChosen: { face: string | null; deviceId: string } | null = null;

/** Reads one raw frame (Chromium); null where the browser cannot hand frames to scripts. */
async function firstRawFrame(track: MediaStreamTrack): Promise<{ format: string | null; width: number } | null> {
  const Processor = (window as unknown as { MediaStreamTrackProcessor?: new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> } })
    .MediaStreamTrackProcessor;
  if (!Processor) return null;
  const reader = new Processor({ track }).readable.getReader();
  let timer: number | undefined;
  try {
    const timeout = new Promise<null>((resolve) => {
      timer = window.setTimeout(() => resolve(null), PICTURE_TIMEOUT_MS);
    });
    const read = await Promise.race([reader.read(), timeout]);
    const frame = read?.value;
    if (!frame) return { format: null, width: 0 };
    const result = { format: frame.format, width: frame.codedWidth };
    frame.close();
    return result;
  } finally {
    window.clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  }
}

/** Whether a drawn frame is more than one flat colour; the fallback where raw frames are not readable. */
async function drawsPicture(stream: MediaStream): Promise<boolean> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  try {
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const deadline = Date.now() + PICTURE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (video.videoWidth > 0 && context) {
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        if (!isBlank(luma(context.getImageData(0, 0, canvas.width, canvas.height).data))) return true;
      }
      await new Promise((resolve) => window.setTimeout(resolve, 200));
    }
    return false;
  } finally {
    video.srcObject = null;
  }
}

/**
 * Whether the camera gives a picture an encoder can send: a depth or IR camera (Chromium's
 * fake_device_1 is a Y16 depth device) opens fine and even shows in a <video>, but its frames
 * have no pixel format a browser can encode, so the staff's document view would stay black.
 */
async function givesPicture(deviceId: string): Promise<boolean> {
  let stream: MediaStream | null = null;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { ...DOCUMENT_VIDEO, deviceId: { exact: deviceId } }, audio: false });
    const track = stream.getVideoTracks()[0];
    if (!track) return false;
    const raw = await firstRawFrame(track);
    if (raw) return raw.format !== null && raw.width > 0;
    return await drawsPicture(stream);
  } catch (error) {
    logger.warn('camera gave no picture', { error });
    return false;
  } finally {
    for (const track of stream?.getTracks() ?? []) track.stop();
  }
}

/**
 * The configured document camera; else the first video input, other than the face camera, that
 * gives a picture (cameras that open but show nothing are skipped).
 */
export async function pickDocumentCamera({ documentCameraId, faceCameraId }: DocumentCameraOptions): Promise<string | null> {
  if (documentCameraId) return documentCameraId;
  const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput' && d.deviceId);
  if (inputs.length < 2) return null;
  const face = faceCameraId ?? inputs[0]?.deviceId ?? null;
  const present = new Set(inputs.map((d) => d.deviceId));
  if (autoChosen && autoChosen.face === face && present.has(autoChosen.deviceId)) return autoChosen.deviceId;
  for (const input of inputs) {
    if (input.deviceId === face) continue;
    if (await givesPicture(input.deviceId)) {
      logger.info('document camera chosen automatically', { label: input.label });
      autoChosen = { face, deviceId: input.deviceId };
      return input.deviceId;
    }
    logger.warn('camera skipped: no picture', { label: input.label });
  }
  return null;
}

/** Opens the document camera; rejects when the kiosk has none. */
export async function openDocumentCamera(options: DocumentCameraOptions): Promise<MediaStream> {
  const deviceId = await pickDocumentCamera(options);
  if (!deviceId) throw new DOMException('no document camera', 'NotFoundError');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { ...DOCUMENT_VIDEO, deviceId: { exact: deviceId } }, audio: false });
  for (const track of stream.getVideoTracks()) track.contentHint = 'detail';
  const settings = stream.getVideoTracks()[0]?.getSettings();
  logger.info('document camera open', { width: settings?.width ?? 0, height: settings?.height ?? 0, frameRate: settings?.frameRate ?? 0 });
  return stream;
}
