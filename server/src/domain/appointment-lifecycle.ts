import type { AppointmentStatus } from '@madoguchi/contract/appointments';
import { AppError } from './app-error';

/** Every allowed appointment transition; anything else is refused. */
export const APPOINTMENT_TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  scheduled: ['checked_in', 'cancelled', 'no_show'],
  // The resident left the queue before anyone answered: the booking stands and they may check in again.
  checked_in: ['in_session', 'scheduled'],
  in_session: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return APPOINTMENT_TRANSITIONS[from].includes(to);
}

/** The states from which `to` can be reached. */
export function sourcesOf(to: AppointmentStatus): AppointmentStatus[] {
  return (Object.keys(APPOINTMENT_TRANSITIONS) as AppointmentStatus[]).filter((from) => canTransition(from, to));
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) throw AppError.invalidState(`an appointment that is ${from} cannot become ${to}`);
}

/** Check-in opens an hour before the start and closes at the end of the slot. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000;

export function checkInWindowState(now: Date, slot: { startsAt: Date; endsAt: Date }): 'too_early' | 'open' | 'too_late' {
  if (now.getTime() < slot.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) return 'too_early';
  if (now.getTime() >= slot.endsAt.getTime()) return 'too_late';
  return 'open';
}
