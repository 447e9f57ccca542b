import type { NextFunction, Request, Response } from 'express';
import { RELEASE_HEADER } from '@madoguchi/contract/release';
import { AppError } from '../domain/app-error';

/** Camera, microphone and screen capture for our own pages only; every other feature off. */
const OWN_PAGES_ONLY = ['camera', 'microphone', 'display-capture', 'fullscreen', 'autoplay'];
const OFF = ['geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'hid', 'midi', 'accelerometer', 'gyroscope', 'magnetometer', 'browsing-topics', 'publickey-credentials-get', 'screen-wake-lock', 'xr-spatial-tracking', 'idle-detection', 'local-fonts'];
const PERMISSIONS_POLICY = [...OWN_PAGES_ONLY.map((f) => `${f}=(self)`), ...OFF.map((f) => `${f}=()`)].join(', ');

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  next();
}

/** Names this node's release on every answer (RELEASE_HEADER), so the booking page can offer a reload after an upgrade. */
export function releaseHeader(buildId: string): (req: Request, res: Response, next: NextFunction) => void {
  return (_req, res, next) => {
    res.setHeader(RELEASE_HEADER, buildId);
    next();
  };
}

export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * A path that is not valid percent-encoding (`/api/consultations/%ZZ`, overlong UTF-8 such as
 * `%c0%ae`) is refused here with the usual 400, before a router or the static files try to
 * decode it and fail with a 500.
 */
export function rejectMalformedPaths(req: Request, _res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    next(AppError.badRequest('the address is not valid percent-encoding'));
    return;
  }
  next();
}
