import { APPOINTMENT_START_GRACE_MINUTES, CreateAppointmentRequest, startsTooLongAgo } from '@madoguchi/contract/appointments';
import type { Appointment, AppointmentNeeds, AppointmentResidentDetails, UpdateAppointmentRequest } from '@madoguchi/contract/appointments';
import { isLocalDate, isLocalTime, jstDateOf, jstInstant, jstTimeOf } from '../../time/jst';

export const DURATION_CHOICES = [15, 30, 45, 60, 90, 120, 180, 240] as const;
export const DEFAULT_DURATION = 30;

/** The dialog's form: what the admin typed, before it becomes a request. */
export interface AppointmentDraft extends AppointmentResidentDetails {
  departmentId: string;
  kioskId: string;
  /** '' = nobody assigned yet. */
  staffId: string;
  date: string;
  startTime: string;
  durationMinutes: number;
}

export interface DraftSeed {
  date: string;
  startTime?: string;
  kioskId?: string;
  staffId?: string;
  departmentId?: string;
}

export function emptyDraft({ date, startTime = '09:00', kioskId = '', staffId = '', departmentId = '' }: DraftSeed): AppointmentDraft {
  return {
    departmentId,
    kioskId,
    staffId,
    date,
    startTime,
    durationMinutes: DEFAULT_DURATION,
    residentName: '',
    residentKana: '',
    preferredLanguage: 'ja',
    needs: { interpreter: false, hearingSupport: false, wheelchair: false, other: '' },
    topic: '',
    notes: '',
  };
}

export function draftFromAppointment(appointment: Appointment): AppointmentDraft {
  return {
    departmentId: appointment.departmentId,
    kioskId: appointment.kioskId,
    staffId: appointment.staffId ?? '',
    date: jstDateOf(appointment.startsAt),
    startTime: jstTimeOf(appointment.startsAt),
    durationMinutes: Math.round((Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000),
    residentName: appointment.residentName,
    residentKana: appointment.residentKana,
    preferredLanguage: appointment.preferredLanguage,
    needs: { ...appointment.needs },
    topic: appointment.topic,
    notes: appointment.notes,
  };
}

/** The draft's slot as +09:00 instants, or null while the date or time is incomplete. */
export function draftSlot(draft: Pick<AppointmentDraft, 'date' | 'startTime' | 'durationMinutes'>): { startsAt: string; endsAt: string } | null {
  if (!isLocalDate(draft.date) || !isLocalTime(draft.startTime) || !(draft.durationMinutes > 0)) return null;
  const startsAt = jstInstant(draft.date, draft.startTime);
  const endMs = Date.parse(startsAt) + draft.durationMinutes * 60_000;
  // Written back in Japan time with its offset, like the start.
  return { startsAt, endsAt: jstInstant(jstDateOf(endMs), jstTimeOf(endMs)) };
}

function trimmed(draft: AppointmentDraft) {
  return {
    departmentId: draft.departmentId,
    kioskId: draft.kioskId,
    staffId: draft.staffId || null,
    residentName: draft.residentName.trim(),
    residentKana: draft.residentKana.trim(),
    preferredLanguage: draft.preferredLanguage,
    needs: { ...draft.needs, other: draft.needs.other.trim() },
    topic: draft.topic.trim(),
    notes: draft.notes.trim(),
  };
}

/** The create request for a complete draft (validate first). */
export function draftToCreate(draft: AppointmentDraft): CreateAppointmentRequest {
  const slot = draftSlot(draft);
  if (!slot) throw new TypeError('the draft has no valid slot');
  return { ...trimmed(draft), ...slot };
}

const sameNeeds = (a: AppointmentNeeds, b: AppointmentNeeds): boolean =>
  a.interpreter === b.interpreter && a.hearingSupport === b.hearingSupport && a.wheelchair === b.wheelchair && a.other === b.other;

/** Only what changed; an empty object means there is nothing to save. */
export function draftChanges(draft: AppointmentDraft, original: Appointment): UpdateAppointmentRequest {
  const next = draftToCreate(draft);
  const changes: UpdateAppointmentRequest = {};
  if (next.departmentId !== original.departmentId) changes.departmentId = next.departmentId;
  if (next.kioskId !== original.kioskId) changes.kioskId = next.kioskId;
  if (next.staffId !== original.staffId) changes.staffId = next.staffId ?? null;
  if (Date.parse(next.startsAt) !== Date.parse(original.startsAt)) changes.startsAt = next.startsAt;
  if (Date.parse(next.endsAt) !== Date.parse(original.endsAt)) changes.endsAt = next.endsAt;
  if (next.residentName !== original.residentName) changes.residentName = next.residentName;
  if (next.residentKana !== original.residentKana) changes.residentKana = next.residentKana;
  if (next.preferredLanguage !== original.preferredLanguage) changes.preferredLanguage = next.preferredLanguage;
  if (next.needs && !sameNeeds(next.needs as AppointmentNeeds, original.needs)) changes.needs = next.needs;
  if (next.topic !== original.topic) changes.topic = next.topic;
  if (next.notes !== original.notes) changes.notes = next.notes;
  return changes;
}

export type DraftField =
  | 'departmentId'
  | 'kioskId'
  | 'date'
  | 'startTime'
  | 'durationMinutes'
  | 'residentName'
  | 'residentKana'
  | 'needsOther'
  | 'topic'
  | 'notes'
  /** Something the contract's schema refused that no single field explains. */
  | 'form';
export type DraftProblem = 'required' | 'invalidDate' | 'invalidTime' | 'past' | 'kanaOnly' | 'tooLong' | 'invalid';
export type DraftProblems = Partial<Record<DraftField, DraftProblem>>;

const KANA = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]*$/u;
const SCHEMA_FIELDS: Readonly<Record<string, DraftField>> = {
  departmentId: 'departmentId',
  kioskId: 'kioskId',
  staffId: 'kioskId',
  startsAt: 'startTime',
  endsAt: 'durationMinutes',
  residentName: 'residentName',
  residentKana: 'residentKana',
  needs: 'needsOther',
  topic: 'topic',
  notes: 'notes',
};

function textLengths(draft: AppointmentDraft): [DraftField, string, number][] {
  return [
    ['residentName', draft.residentName, 60],
    ['residentKana', draft.residentKana, 60],
    ['needsOther', draft.needs.other, 200],
    ['topic', draft.topic, 120],
    ['notes', draft.notes, 2000],
  ];
}

/**
 * What the admin must fix, field by field; the contract's schema has the last word. `now`: a
 * new or moved slot must not start long ago (a mistyped year would make a booking that is a
 * no-show at once); a walk-in that started up to `startGraceMinutes` ago is fine: the town's
 * no-show grace, as the server applies it (getAppointmentRules; the contract's default until it
 * is known). The server has the last word.
 */
export function validateDraft(draft: AppointmentDraft, now: Date | null = null, startGraceMinutes = APPOINTMENT_START_GRACE_MINUTES): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.departmentId) problems.departmentId = 'required';
  if (!draft.kioskId) problems.kioskId = 'required';
  if (!isLocalDate(draft.date)) problems.date = draft.date ? 'invalidDate' : 'required';
  if (!isLocalTime(draft.startTime)) problems.startTime = draft.startTime ? 'invalidTime' : 'required';
  const slot = problems.date || problems.startTime ? null : draftSlot(draft);
  if (now && slot && startsTooLongAgo(slot.startsAt, now, startGraceMinutes)) problems.date = 'past';
  if (!draft.residentName.trim()) problems.residentName = 'required';
  if (!KANA.test(draft.residentKana.trim())) problems.residentKana = 'kanaOnly';
  for (const [field, text, limit] of textLengths(draft)) {
    if (text.trim().length > limit) problems[field] ??= 'tooLong';
  }
  if (Object.keys(problems).length > 0) return problems;
  const parsed = CreateAppointmentRequest.safeParse(draftToCreate(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[SCHEMA_FIELDS[String(issue.path[0])] ?? 'form'] ??= 'invalid';
  }
  return problems;
}
