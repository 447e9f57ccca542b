import type { QueueEntry } from '@madoguchi/contract/consultation';

/** A walk-in resident waiting for `departmentId` (null: the general counter); `overrides` for what a test looks at. */
export function walkIn(consultationId: string, departmentId: string | null = null, overrides: Partial<QueueEntry> = {}): QueueEntry {
  return {
    consultationId,
    kind: 'walk_in',
    kioskId: `kiosk-${consultationId}`,
    kioskName: '北出張所',
    kioskLocation: '1F',
    departmentId,
    departmentName: null,
    appointmentId: null,
    residentName: null,
    language: 'ja',
    needs: null,
    queuedAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}
