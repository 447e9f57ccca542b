import type { AppointmentConflictDetails, ConflictingAppointment } from '@madoguchi/contract/appointments';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../api/api-error';

/** The collisions a 409 reports (possibly none listed), or null when the error is something else. */
export function conflictsFrom(error: unknown): ConflictingAppointment[] | null {
  if (!(error instanceof ApiError) || error.code !== ErrorCode.Conflict) return null;
  const details = error.details as Partial<AppointmentConflictDetails> | null | undefined;
  return Array.isArray(details?.conflicts) ? details.conflicts : [];
}
