import { z } from './zod';
import { multiLine, singleLine } from './text';
import { LanguageSchema, type Language } from './languages';
import { Instant, PageQuery } from './pagination';

/**
 * Appointment lifecycle, owned by AppointmentService:
 *   scheduled -> checked_in -> in_session -> completed
 *   scheduled -> cancelled
 *   scheduled -> no_show      (automatically, a grace period after its start)
 *   checked_in -> scheduled   (the resident gave up waiting before anyone answered)
 */
export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'in_session', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const AppointmentNeeds = z
  .object({
    interpreter: z.boolean().default(false),
    hearingSupport: z.boolean().default(false),
    wheelchair: z.boolean().default(false),
    other: singleLine().max(200).default(''),
  })
  .strict();
export type AppointmentNeeds = z.output<typeof AppointmentNeeds>;

const appointmentFields = {
  departmentId: z.uuid(),
  kioskId: z.uuid(),
  staffId: z.uuid().nullable().default(null),
  startsAt: Instant,
  endsAt: Instant,
  residentName: singleLine().min(1).max(60),
  residentKana: singleLine().max(60).regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]*$/u, 'kana only').default(''),
  preferredLanguage: LanguageSchema.default('ja'),
  needs: AppointmentNeeds.default({ interpreter: false, hearingSupport: false, wheelchair: false, other: '' }),
  topic: singleLine().max(120).default(''),
  notes: multiLine().max(2000).default(''),
};

const MAX_APPOINTMENT_MS = 4 * 60 * 60 * 1000;
const validSpan = (v: { startsAt?: string | undefined; endsAt?: string | undefined }): boolean => {
  if (!v.startsAt || !v.endsAt) return true;
  const span = Date.parse(v.endsAt) - Date.parse(v.startsAt);
  return span > 0 && span <= MAX_APPOINTMENT_MS;
};
const spanIssue = { message: 'endsAt must be after startsAt, at most 4 hours later', path: ['endsAt'] };

/**
 * How long ago a staff-booked slot may have started: a walk-in booked for "now" while the
 * resident stands at the counter is fine, an older start is a typo (a mistyped year or day)
 * that would be a no-show at once. The server uses the town's no-show grace
 * (NO_SHOW_GRACE_MINUTES, default the same 15 minutes) so a slot it accepts is never a no-show
 * already; this default is what the admin dialog checks before sending (the server has the
 * last word). Residents' own bookings take only the free times offered, which start after the
 * booking lead time.
 */
export const APPOINTMENT_START_GRACE_MINUTES = 15;

/** Does a new or moved slot start more than `graceMinutes` ago (see APPOINTMENT_START_GRACE_MINUTES)? */
export function startsTooLongAgo(startsAt: Date | string, now: Date, graceMinutes: number = APPOINTMENT_START_GRACE_MINUTES): boolean {
  const start = typeof startsAt === 'string' ? Date.parse(startsAt) : startsAt.getTime();
  return start < now.getTime() - graceMinutes * 60_000;
}

/** The refusal's words (a 400 BAD_REQUEST on `startsAt`): what happened and what to do, with the grace in force. */
export function startInPastMessage(graceMinutes: number = APPOINTMENT_START_GRACE_MINUTES): string {
  return `startsAt is in the past: choose a start time from now on (a walk-in may start at most ${graceMinutes} minutes ago)`;
}

/** The town's booking rules the admin dialog checks before sending (the server has the last word). */
export interface AppointmentRules {
  /** How many minutes ago a new or moved slot may have started (NO_SHOW_GRACE_MINUTES). */
  startGraceMinutes: number;
}

export const CreateAppointmentRequest = z.object(appointmentFields).strict().refine(validSpan, spanIssue);
export type CreateAppointmentRequest = z.input<typeof CreateAppointmentRequest>;

/** Any subset; changing time, kiosk or staff is a reschedule and is kept in the history. */
export const UpdateAppointmentRequest = z
  .object({
    departmentId: z.uuid(),
    kioskId: z.uuid(),
    staffId: z.uuid().nullable(),
    startsAt: Instant,
    endsAt: Instant,
    residentName: singleLine().min(1).max(60),
    residentKana: appointmentFields.residentKana.unwrap(),
    preferredLanguage: LanguageSchema,
    needs: AppointmentNeeds,
    topic: singleLine().max(120),
    notes: multiLine().max(2000),
  })
  .partial()
  .strict()
  .refine(validSpan, spanIssue);
export type UpdateAppointmentRequest = z.input<typeof UpdateAppointmentRequest>;

export const CancelAppointmentRequest = z.object({ reason: singleLine().max(200).default('') }).strict();
export type CancelAppointmentRequest = z.input<typeof CancelAppointmentRequest>;

/** Ask before saving: which live appointments would this slot collide with? */
export const ConflictCheckRequest = z
  .object({
    kioskId: z.uuid(),
    staffId: z.uuid().nullable().default(null),
    startsAt: Instant,
    endsAt: Instant,
    excludeAppointmentId: z.uuid().optional(),
  })
  .strict()
  .refine(validSpan, spanIssue);
export type ConflictCheckRequest = z.input<typeof ConflictCheckRequest>;

const statusList = z
  .string()
  .max(200)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(APPOINTMENT_STATUSES)));

export const AppointmentListQuery = z
  .object({
    ...PageQuery,
    pageSize: z.coerce.number().int().min(1).max(500).default(200),
    from: Instant.optional(),
    to: Instant.optional(),
    departmentId: z.uuid().optional(),
    kioskId: z.uuid().optional(),
    staffId: z.uuid().optional(),
    /** Comma-separated statuses, e.g. `scheduled,checked_in`. */
    status: statusList.optional(),
  })
  .strict();
export type AppointmentListQuery = z.input<typeof AppointmentListQuery>;

/** Who comes and why: the same six fields in the API, the staff app's draft and the database row. */
export interface AppointmentResidentDetails {
  residentName: string;
  residentKana: string;
  preferredLanguage: Language;
  needs: AppointmentNeeds;
  topic: string;
  notes: string;
}

export interface Appointment extends AppointmentResidentDetails {
  id: string;
  status: AppointmentStatus;
  departmentId: string;
  departmentName: string;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  kioskAddress: string;
  staffId: string | null;
  staffName: string | null;
  /** ISO 8601 instants (UTC); show them in Asia/Tokyo. */
  startsAt: string;
  endsAt: string;
  /** Six digits the resident types at the kiosk; null once the appointment is closed. */
  checkInCode: string | null;
  /** The consultation this appointment became, once checked in. */
  consultationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const APPOINTMENT_ACTIONS = [
  'created',
  'updated',
  'rescheduled',
  'cancelled',
  'checked_in',
  'check_in_withdrawn',
  'session_started',
  'completed',
  'no_show',
] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export interface AppointmentChange {
  at: string;
  action: AppointmentAction;
  actorName: string | null;
  /** Who made the change: a staff member (actorName), the resident through the booking link, or the system. */
  actorKind: 'staff' | 'resident' | 'kiosk' | 'api' | 'system';
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  /** For reschedules: the previous and new slot, kiosk and staff. */
  details: Record<string, unknown>;
}

export interface AppointmentDetail extends Appointment {
  history: AppointmentChange[];
}

/** The 409 body's `details` when a slot is taken. */
export interface AppointmentConflictDetails {
  conflicts: ConflictingAppointment[];
  /** Set when no single booking collides but every specialist of the department is booked then. */
  reason?: 'department_full';
}

export interface ConflictingAppointment {
  id: string;
  /** Which resource collides. */
  on: 'kiosk' | 'staff';
  kioskName: string;
  staffName: string | null;
  startsAt: string;
  endsAt: string;
  residentName: string;
}

/** `details.reason` of an INVALID_STATE check-in refusal: the kiosk words each one kindly. */
export type CheckInRefusalReason = 'too_early' | 'too_late';

/**
 * What a check-in slip's QR code holds: the six-digit code itself. Kiosks also accept text
 * with exactly one run of six digits.
 */
export const CHECK_IN_QR_CONTENT = /^\d{6}$/;
