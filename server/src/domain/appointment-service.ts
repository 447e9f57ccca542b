import type { EntityManager } from 'typeorm';
import {
  APPOINTMENT_START_GRACE_MINUTES,
  startInPastMessage,
  startsTooLongAgo,
  type Appointment,
  type AppointmentDetail,
  type AppointmentRules,
  type AppointmentStatus,
  type CheckInRefusalReason,
  type ConflictingAppointment,
  type CreateAppointmentRequest,
  type UpdateAppointmentRequest,
} from '@madoguchi/contract/appointments';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { z } from 'zod';
import type { AppointmentFields, AppointmentFilter, AppointmentRepository } from '../db/repositories/appointment-repository';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import { assertTransition, checkInWindowState, sourcesOf } from './appointment-lifecycle';
import { AttemptLimiter, type AttemptLimiterOptions } from './attempt-limiter';
import { newCheckInCode } from './check-in-code';
import { isDepartmentFull, PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, pgErrorOf } from './pg-errors';

const log = createLogger('appointments');

/** 5 codes per 10 minutes per kiosk: guessing one of a million codes takes years. */
export const CHECK_IN_LIMIT: AttemptLimiterOptions = { name: 'check-in', attempts: 5, windowSeconds: 10 * 60 };

type CreateInput = z.output<typeof CreateAppointmentRequest>;
type UpdateInput = z.output<typeof UpdateAppointmentRequest>;

export interface AppointmentServiceOptions {
  appointments: AppointmentRepository;
  departments: DepartmentRepository;
  kiosks: KioskRepository;
  staff: StaffUserRepository;
  audit: AuditLogRepository;
  now?: () => Date;
  /**
   * How many minutes ago a new or moved slot may have started: the town's no-show grace
   * (NO_SHOW_GRACE_MINUTES), so a walk-in booked now is never a no-show already (default 15).
   */
  startGraceMinutes?: number;
  /** Check-in codes a kiosk may try per window (successes are given back). */
  checkInLimiter?: AttemptLimiter;
  /** Staff moved or cancelled a booking: the resident is told (the booking outbox; issue 19). */
  onStaffChange?: (change: { kind: 'moved' | 'cancelled'; appointmentId: string; startsAt: Date }) => Promise<void>;
}

/** What a check-in hands to the consultation that follows. */
export interface CheckedInAppointment {
  id: string;
  departmentId: string;
  departmentName: string;
  startsAt: string;
  endsAt: string;
  residentName: string;
  preferredLanguage: Appointment['preferredLanguage'];
  needs: Appointment['needs'];
}

/** The one owner of appointment state: booking, rescheduling, check-in and the automatic no-show. */
export class AppointmentService {
  private readonly now: () => Date;
  private readonly checkInLimiter: AttemptLimiter;

  constructor(private readonly options: AppointmentServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.checkInLimiter = options.checkInLimiter ?? new AttemptLimiter({ prefix: 'madoguchi' }, CHECK_IN_LIMIT);
  }

  /** What the admin dialog checks before sending, as this server applies it. */
  rules(): AppointmentRules {
    return { startGraceMinutes: this.startGraceMinutes() };
  }

  list(filter: AppointmentFilter) {
    return this.options.appointments.list(filter);
  }

  async get(id: string): Promise<AppointmentDetail> {
    const appointment = await this.options.appointments.findById(id);
    if (!appointment) throw AppError.notFound('appointment');
    return { ...appointment, history: await this.options.appointments.history(id) };
  }

  conflicts(slot: { kioskId: string; staffId: string | null; startsAt: Date; endsAt: Date; excludeId?: string | undefined }): Promise<ConflictingAppointment[]> {
    return this.options.appointments.conflicts(slot);
  }

  async create(actorId: string, input: CreateInput): Promise<Appointment> {
    const fields: AppointmentFields = {
      ...input,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
    };
    this.assertNotPast(fields.startsAt);
    await this.assertReferences(fields);
    // A code clash with another open appointment at this kiosk is rare; draw again.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      try {
        const id = await this.options.appointments.transaction(async (manager) => {
          const newId = await this.options.appointments.insert(manager, { ...fields, checkInCode: newCheckInCode(), createdBy: actorId });
          await this.options.appointments.addChange(manager, newId, {
            action: 'created',
            actorId,
            fromStatus: null,
            toStatus: 'scheduled',
            details: slotOf(fields),
          });
          return newId;
        });
        await this.options.audit.record({ actorKind: 'staff', actorId, action: 'appointment_created', targetType: 'appointment', targetId: id });
        return this.mustFind(id);
      } catch (error) {
        const pg = pgErrorOf(error);
        if (pg?.code === PG_UNIQUE_VIOLATION && pg.constraint === 'appointment_open_code_per_kiosk') continue;
        throw await this.translateWriteError(error, fields);
      }
    }
    throw new AppError(ErrorCode.Unavailable, 'could not draw a unique check-in code; try again');
  }

  async update(actorId: string, id: string, changes: UpdateInput): Promise<Appointment> {
    let attempted: Slot | undefined;
    let moved = false;
    await this.options.appointments
      .transaction(async (manager) => {
        const current = await this.options.appointments.lockForUpdate(manager, id);
        if (!current) throw AppError.notFound('appointment');
        if (current.status !== 'scheduled') throw AppError.invalidState(`only a scheduled appointment can be changed (this one is ${current.status})`);
        const next: Partial<AppointmentFields> = {
          ...changes,
          startsAt: changes.startsAt ? new Date(changes.startsAt) : undefined,
          endsAt: changes.endsAt ? new Date(changes.endsAt) : undefined,
        };
        const after = {
          kioskId: next.kioskId ?? current.kioskId,
          staffId: next.staffId === undefined ? current.staffId : next.staffId,
          startsAt: next.startsAt ?? current.startsAt,
          endsAt: next.endsAt ?? current.endsAt,
        };
        if (after.endsAt <= after.startsAt) throw AppError.badRequest('endsAt must be after startsAt');
        // Only a new start is checked: editing the notes of a booking that has begun stays possible.
        if (after.startsAt.getTime() !== current.startsAt.getTime()) this.assertNotPast(after.startsAt);
        attempted = after;
        const full = await this.options.appointments.findById(id, manager);
        if (!full) throw AppError.notFound('appointment');
        await this.assertReferences({
          departmentId: next.departmentId ?? full.departmentId,
          kioskId: after.kioskId,
          staffId: after.staffId,
        });
        const rescheduled =
          after.kioskId !== current.kioskId ||
          after.staffId !== current.staffId ||
          after.startsAt.getTime() !== current.startsAt.getTime() ||
          after.endsAt.getTime() !== current.endsAt.getTime();
        moved = after.startsAt.getTime() !== current.startsAt.getTime() || after.kioskId !== current.kioskId;
        await this.options.appointments.update(manager, id, next);
        await this.options.appointments.addChange(manager, id, {
          action: rescheduled ? 'rescheduled' : 'updated',
          actorId,
          fromStatus: 'scheduled',
          toStatus: 'scheduled',
          details: rescheduled
            ? { from: slotOf(current), to: slotOf(after) }
            : { fields: Object.keys(changes).filter((k) => changes[k as keyof UpdateInput] !== undefined) },
        });
      })
      .catch(async (error: unknown) => {
        throw attempted ? await this.translateWriteError(error, attempted, id) : error;
      });
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'appointment_updated', targetType: 'appointment', targetId: id });
    const updated = await this.mustFind(id);
    if (moved) await this.options.onStaffChange?.({ kind: 'moved', appointmentId: id, startsAt: new Date(updated.startsAt) });
    return updated;
  }

  async cancel(actorId: string, id: string, reason: string): Promise<Appointment> {
    await this.transition(id, 'cancelled', { action: 'cancelled', actorId, details: reason ? { reason } : {} });
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'appointment_cancelled', targetType: 'appointment', targetId: id });
    const cancelled = await this.mustFind(id);
    await this.options.onStaffChange?.({ kind: 'cancelled', appointmentId: id, startsAt: new Date(cancelled.startsAt) });
    return cancelled;
  }

  /**
   * A resident at this kiosk typed (or showed) a code. Wrong codes count against the kiosk;
   * a code for another kiosk is simply wrong here.
   */
  async checkIn(kioskId: string, code: string): Promise<CheckedInAppointment> {
    // Counted before the lookup: parallel guesses cannot all pass before the first is counted.
    await this.checkInLimiter.take(kioskId);
    const now = this.now();
    const outcome = await this.options.appointments.transaction(async (manager) => {
      const found = await this.options.appointments.findOpenByCode(manager, kioskId, code);
      if (!found) return { kind: 'unknown' as const };
      if (found.status === 'checked_in') return { kind: 'already' as const };
      const window = checkInWindowState(now, found);
      if (window !== 'open') return { kind: window };
      await this.transitionIn(manager, found.id, 'checked_in', { action: 'checked_in', actorId: null });
      return { kind: 'ok' as const, id: found.id };
    });
    // Only an unknown code is a guess; a real code at the wrong time does not count, and a
    // resident who checked in starts the kiosk afresh.
    if (outcome.kind === 'ok') await this.checkInLimiter.clear(kioskId);
    else if (outcome.kind !== 'unknown') await this.checkInLimiter.giveBack(kioskId);
    switch (outcome.kind) {
      case 'unknown':
        await this.options.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'check_in_failed' });
        throw new AppError(ErrorCode.NotFound, 'no appointment at this kiosk has that code');
      case 'already':
        throw AppError.invalidState('this appointment is already checked in');
      case 'too_early':
        throw new AppError(ErrorCode.InvalidState, 'check-in opens one hour before the appointment', { reason: 'too_early' satisfies CheckInRefusalReason });
      case 'too_late':
        throw new AppError(ErrorCode.InvalidState, 'the appointment time has passed', { reason: 'too_late' satisfies CheckInRefusalReason });
      case 'ok': {
        const appointment = await this.mustFind(outcome.id);
        return {
          id: appointment.id,
          departmentId: appointment.departmentId,
          departmentName: appointment.departmentName,
          startsAt: appointment.startsAt,
          endsAt: appointment.endsAt,
          residentName: appointment.residentName,
          preferredLanguage: appointment.preferredLanguage,
          needs: appointment.needs,
        };
      }
    }
  }

  /** The consultation was answered. */
  async startConsultation(id: string, staffId: string): Promise<void> {
    await this.transition(id, 'in_session', { action: 'session_started', actorId: staffId });
  }

  /** The consultation ended: completed if it was answered, back to scheduled if the resident left the queue. */
  async consultationEnded(id: string, answered: boolean): Promise<void> {
    if (answered) await this.transition(id, 'completed', { action: 'completed', actorId: null });
    else await this.transition(id, 'scheduled', { action: 'check_in_withdrawn', actorId: null });
  }

  /** After a crash: appointments whose consultation was closed as server_restart follow it. */
  async reconcileAfterRestart(): Promise<void> {
    for (const { id, status } of await this.options.appointments.orphanedByConsultations()) {
      await this.consultationEnded(id, status === 'in_session');
    }
  }

  /** Run by the no-show job. */
  async markNoShows(graceMs: number): Promise<number> {
    const ids = await this.options.appointments.markNoShows(new Date(this.now().getTime() - graceMs));
    if (ids.length > 0) log.info({ count: ids.length }, 'appointments marked no-show');
    return ids.length;
  }

  private async transition(
    id: string,
    to: AppointmentStatus,
    change: { action: Parameters<AppointmentRepository['addChange']>[2]['action']; actorId: string | null; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.options.appointments.transaction((manager) => this.transitionIn(manager, id, to, change));
  }

  private async transitionIn(
    manager: EntityManager,
    id: string,
    to: AppointmentStatus,
    change: { action: Parameters<AppointmentRepository['addChange']>[2]['action']; actorId: string | null; details?: Record<string, unknown> },
  ): Promise<void> {
    const previous = await this.options.appointments.transition(manager, id, sourcesOf(to), to);
    if (!previous) {
      const current = await this.options.appointments.lockForUpdate(manager, id);
      if (!current) throw AppError.notFound('appointment');
      assertTransition(current.status, to);
      throw AppError.invalidState('the appointment changed meanwhile; reload it');
    }
    await this.options.appointments.addChange(manager, id, { ...change, fromStatus: previous, toStatus: to });
  }

  /** A new or moved slot may not start long ago (a typo, and a no-show at once). */
  private assertNotPast(startsAt: Date): void {
    const grace = this.startGraceMinutes();
    if (startsTooLongAgo(startsAt, this.now(), grace)) throw AppError.badRequest(startInPastMessage(grace), [{ path: 'startsAt', message: 'in the past' }]);
  }

  private startGraceMinutes(): number {
    return this.options.startGraceMinutes ?? APPOINTMENT_START_GRACE_MINUTES;
  }

  private async assertReferences(refs: { departmentId: string; kioskId: string; staffId: string | null }): Promise<void> {
    const department = await this.options.departments.findById(refs.departmentId);
    if (!department?.active) throw AppError.badRequest('no such active department', [{ path: 'departmentId', message: 'unknown or inactive' }]);
    const kiosk = await this.options.kiosks.findById(refs.kioskId);
    if (!kiosk?.active) throw AppError.badRequest('no such active kiosk', [{ path: 'kioskId', message: 'unknown or revoked' }]);
    if (refs.staffId) {
      const member = await this.options.staff.findById(refs.staffId);
      if (!member?.active) throw AppError.badRequest('no such active staff member', [{ path: 'staffId', message: 'unknown or inactive' }]);
    }
  }

  /** The database refused an overlapping slot: answer 409 with what it collides with. */
  private async translateWriteError(error: unknown, slot: Slot, appointmentId?: string): Promise<unknown> {
    // Not an internal error: every specialist of the department is booked then; staff pick another time.
    if (isDepartmentFull(error)) return new AppError(ErrorCode.Conflict, 'the department is fully booked at that time', { conflicts: [], reason: 'department_full' });
    if (pgErrorOf(error)?.code !== PG_EXCLUSION_VIOLATION) return error;
    const conflicts = await this.options.appointments.conflicts({ ...slot, excludeId: appointmentId });
    return new AppError(ErrorCode.Conflict, 'that time is already booked for this kiosk or staff member', { conflicts });
  }

  private async mustFind(id: string): Promise<Appointment> {
    const appointment = await this.options.appointments.findById(id);
    if (!appointment) throw AppError.notFound('appointment');
    return appointment;
  }
}

interface Slot {
  kioskId: string;
  staffId: string | null;
  startsAt: Date;
  endsAt: Date;
}

function slotOf(s: Slot): Record<string, unknown> {
  return { kioskId: s.kioskId, staffId: s.staffId, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
}
