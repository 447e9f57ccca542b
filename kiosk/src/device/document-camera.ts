import { createLogger } from '@media/logger';

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

/** The configured document camera, else the first video input that is not the face camera. */
export async function pickDocumentCamera({ documentCameraId, faceCameraId }: DocumentCameraOptions): Promise<string | null> {
  if (documentCameraId) return documentCameraId;
  const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput' && d.deviceId);
  if (inputs.length < 2) return null;
  const face = faceCameraId ?? inputs[0]?.deviceId ?? null;
  return inputs.find((d) => d.deviceId !== face)?.deviceId ?? null;
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
