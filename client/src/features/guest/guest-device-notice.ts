import { ErrorCode } from '@madoguchi/contract/errors';
import type { CallError } from '@madoguchi/call-core/call-error';
import { missingFaceDevices, type FaceDevice } from '@madoguchi/call-core/face-device-report';

/** Why the browser gave no camera or microphone: what the guest can do differs. */
export type DeviceTrouble = 'denied' | 'notFound' | 'unusable';

/** The guest's own camera or microphone missing from the call, and why. */
export interface GuestDeviceNotice {
  missing: FaceDevice[];
  trouble: DeviceTrouble;
}

/** Reads getUserMedia's refusal (a DOMException's name; older Chromium names in the second place). */
export function deviceTroubleOf(cause: unknown): DeviceTrouble {
  const name = typeof cause === 'object' && cause !== null && 'name' in cause ? String(cause.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'notFound';
  return 'unusable';
}

/**
 * What the guest page tells a guest in the call who is sending without their camera or
 * microphone: none found, refused in the browser, or gone mid-call (unplugged, taken by another
 * app; no error then). Null while not in the call or when both work.
 */
export function guestDeviceNotice(inCall: boolean, localStream: MediaStream | null, lastError: CallError | null): GuestDeviceNotice | null {
  if (!inCall) return null;
  const missing = missingFaceDevices(localStream);
  if (missing.length === 0) return null;
  const cause: unknown = lastError?.code === ErrorCode.MediaError ? lastError.cause : undefined;
  return { missing, trouble: cause === undefined ? 'unusable' : deviceTroubleOf(cause) };
}
