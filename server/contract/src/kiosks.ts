import type { Department } from './departments';
import type { KioskBookingOffer } from './kiosk-booking';
import { z } from './zod';
import { singleLine } from './text';

export const KIOSK_STATUSES = ['online', 'offline', 'busy'] as const;
/** Derived, never stored: online = heartbeat within the last 90 s; busy = online with an open consultation. */
export type KioskStatus = (typeof KIOSK_STATUSES)[number];

export const CameraRoles = z
  .object({
    /** MediaDeviceInfo.deviceId of the face camera; null = the browser's default camera. */
    faceCameraId: singleLine().max(200).nullable(),
    documentCameraId: singleLine().max(200).nullable(),
  })
  .strict();
export type CameraRoles = z.infer<typeof CameraRoles>;

export const CreateKioskRequest = z
  .object({
    name: singleLine().min(1).max(60),
    /** The branch or building, e.g. 「北支所 1階」. */
    location: singleLine().min(1).max(80),
    address: singleLine().max(200).default(''),
  })
  .strict();
export type CreateKioskRequest = z.input<typeof CreateKioskRequest>;

export const UpdateKioskRequest = z
  .object({
    name: singleLine().min(1).max(60),
    location: singleLine().min(1).max(80),
    address: singleLine().max(200),
    cameraRoles: CameraRoles,
  })
  .partial()
  .strict();
export type UpdateKioskRequest = z.input<typeof UpdateKioskRequest>;

export interface KioskSummary {
  id: string;
  name: string;
  location: string;
  address: string;
  status: KioskStatus;
  lastHeartbeatAt: string | null;
  /** Holds a device credential that works (paired and not revoked). */
  paired: boolean;
  /** A pairing code is outstanding until this instant. */
  pairingExpiresAt: string | null;
  cameraRoles: CameraRoles;
  active: boolean;
}

/** Shown once to the admin; the installer types it on the kiosk. */
export interface PairingCode {
  kioskId: string;
  code: string;
  expiresAt: string;
}

export interface KioskRegistered {
  kiosk: KioskSummary;
  pairing: PairingCode;
}

/** Unauthenticated (rate-limited): the kiosk trades a pairing code for its device credential. */
export const PairKioskRequest = z.object({ code: z.string().regex(/^\d{8}$/, 'eight digits') }).strict();
export type PairKioskRequest = z.input<typeof PairKioskRequest>;

/** Installer mode: the one-time code from the admin app, typed on the kiosk it was issued for. */
export const OpenInstallerRequest = z.object({ code: z.string().regex(/^\d{8}$/, 'eight digits') }).strict();
export type OpenInstallerRequest = z.input<typeof OpenInstallerRequest>;

/** Installer mode: the cameras chosen by their live pictures, saved for this kiosk. */
export const SaveKioskDevicesRequest = z.object({ cameraRoles: CameraRoles }).strict();
export type SaveKioskDevicesRequest = z.input<typeof SaveKioskDevicesRequest>;

export interface InstallerWindow {
  /** Until when this kiosk may save its devices. */
  until: string;
}

export interface PairKioskResponse {
  /** `<kioskId>.<secret>`; the kiosk keeps it and trades it for short-lived tokens. */
  credential: string;
  kiosk: { id: string; name: string; location: string };
}

/** GET /api/kiosk/config: what a kiosk needs to draw its screens. */
export interface KioskConfig {
  kiosk: { id: string; name: string; location: string; address: string; cameraRoles: CameraRoles };
  /** Active departments, for the walk-in buttons (icon and names per language). */
  departments: Department[];
  /** The town's other ways, offered to a waiting resident when nobody can answer (empty: not shown). */
  alternatives: {
    counterPhone: string;
    openingHours: string;
    /** 「この窓口で予約する」: the departments this kiosk may book, when the town offers it (empty: not offered). */
    bookHere: KioskBookingOffer[];
  };
}
