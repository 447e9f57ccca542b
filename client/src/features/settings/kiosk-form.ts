import type { CreateKioskRequest, KioskSummary, UpdateKioskRequest } from '@madoguchi/contract/kiosks';

export interface KioskFormValues {
  name: string;
  location: string;
  address: string;
  faceCameraId: string;
  documentCameraId: string;
}

export type KioskProblems = Partial<Record<'name' | 'location', true>>;

export function kioskFormFrom(kiosk: KioskSummary | null): KioskFormValues {
  return {
    name: kiosk?.name ?? '',
    location: kiosk?.location ?? '',
    address: kiosk?.address ?? '',
    faceCameraId: kiosk?.cameraRoles.faceCameraId ?? '',
    documentCameraId: kiosk?.cameraRoles.documentCameraId ?? '',
  };
}

export function kioskProblems(values: KioskFormValues): KioskProblems {
  const problems: KioskProblems = {};
  if (!values.name.trim()) problems.name = true;
  if (!values.location.trim()) problems.location = true;
  return problems;
}

export function createKioskBody(values: KioskFormValues): CreateKioskRequest {
  return { name: values.name.trim(), location: values.location.trim(), address: values.address.trim() };
}

/** An empty device id means "the browser's default camera", which the contract writes as null. */
export function updateKioskBody(values: KioskFormValues): UpdateKioskRequest {
  return {
    ...createKioskBody(values),
    cameraRoles: { faceCameraId: values.faceCameraId.trim() || null, documentCameraId: values.documentCameraId.trim() || null },
  };
}

export type PairingState = 'revoked' | 'paired' | 'pending' | 'unpaired';

export function pairingState(kiosk: Pick<KioskSummary, 'active' | 'paired' | 'pairingExpiresAt'>, now: number = Date.now()): PairingState {
  if (!kiosk.active) return 'revoked';
  if (kiosk.paired) return 'paired';
  if (kiosk.pairingExpiresAt && Date.parse(kiosk.pairingExpiresAt) > now) return 'pending';
  return 'unpaired';
}

/** 12345678 → 1234 5678 */
export function groupedPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
