import type JsQr from 'jsqr';
import { useEffect, useRef } from 'react';
import { createLogger } from '@madoguchi/call-core/logger';
import { attachStream } from '@madoguchi/call-core/media-element';
import { codeFromQrText } from '../visit/code-entry';

const logger = createLogger('kiosk-qr');

/** Five looks a second find a held-up slip quickly without keeping a core busy. */
const SCAN_INTERVAL_MS = 200;
/** Frames are scaled down to this width before decoding: a slip's QR stays readable and jsQR stays fast. */
const SCAN_WIDTH = 960;

export interface QrScannerProps {
  /** The camera to open; null for the browser's default. */
  deviceId: string | null;
  /** Mirror the preview (face camera: the resident sees themselves as in a mirror). */
  mirrored: boolean;
  label: string;
  onCode: (code: string) => void;
  onUnavailable: () => void;
}

async function openCamera(deviceId: string | null): Promise<MediaStream> {
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  if (deviceId) {
    try {
      return await navigator.mediaDevices.getUserMedia({ video: { ...size, deviceId: { exact: deviceId } }, audio: false });
    } catch (error) {
      // A camera swapped since an administrator set the roles: any camera beats none.
      logger.warn('configured camera not available, trying the default', { error });
    }
  }
  return navigator.mediaDevices.getUserMedia({ video: size, audio: false });
}

/** jsQR is fetched with the camera, only when a resident chooses to check in. */
type QrDecoder = typeof JsQr;

function decodeFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement, jsQR: QrDecoder): string | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  const scale = Math.min(1, SCAN_WIDTH / video.videoWidth);
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  return found ? codeFromQrText(found.data) : null;
}

/**
 * Opens a camera and looks for a check-in QR code every 200 ms. The camera is released as
 * soon as a code is found or the scanner goes away, so the call can open it next.
 */
export function QrScanner({ deviceId, mirrored, label, onCode, onUnavailable }: QrScannerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const callbacks = useRef({ onCode, onUnavailable });
  useEffect(() => {
    callbacks.current = { onCode, onUnavailable };
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const canvas = document.createElement('canvas');
    let stream: MediaStream | null = null;
    let detach: (() => void) | null = null;
    let timer: number | null = null;
    let stopped = false;
    let decoder: QrDecoder | null = null;

    const stop = (): void => {
      stopped = true;
      if (timer !== null) window.clearInterval(timer);
      detach?.();
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
    };
    const scan = (): void => {
      const code = decoder ? decodeFrame(video, canvas, decoder) : null;
      if (!code || stopped) return;
      logger.info('check-in code read from QR');
      stop();
      callbacks.current.onCode(code);
    };

    const camera = openCamera(deviceId);
    Promise.all([camera, import('jsqr')]).then(
      ([opened, jsQR]) => {
        if (stopped) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        decoder = jsQR.default;
        stream = opened;
        detach = attachStream(video, opened, { muted: true });
        timer = window.setInterval(scan, SCAN_INTERVAL_MS);
      },
      (error: unknown) => {
        logger.warn('no camera or decoder for the QR scanner', { error });
        // The camera may have opened while the decoder failed to load: release it.
        void camera.then((opened) => opened.getTracks().forEach((track) => track.stop()), () => undefined);
        if (!stopped) callbacks.current.onUnavailable();
      },
    );
    return stop;
  }, [deviceId]);

  return (
    <div className="qr-scanner">
      <video
        ref={videoRef}
        className={`qr-scanner__video${mirrored ? ' qr-scanner__video--mirrored' : ''}`}
        aria-label={label}
        autoPlay
        playsInline
        muted
      />
      <span className="qr-scanner__frame" aria-hidden="true" />
    </div>
  );
}
