import { APPOINTMENT_START_GRACE_MINUTES, type AppointmentAction, type ConflictingAppointment } from '@madoguchi/contract/appointments';
import type { DraftField, DraftProblem } from '../features/appointments/appointment-draft';
import { fill, sameKeysAsJapanese } from '@madoguchi/contract/message-catalog';
import en from './en/appointment.json';
import ja from './ja/appointment.json';
import { localized } from './language';

export interface AppointmentMessages {
  newTitle: string;
  editTitle: string;
  fields: {
    department: string;
    kiosk: string;
    staff: string;
    staffNone: string;
    staffHint: string;
    date: string;
    startTime: string;
    startTimeHint: string;
    duration: string;
    residentName: string;
    residentKana: string;
    residentKanaHint: string;
    language: string;
    needs: string;
    interpreter: string;
    hearingSupport: string;
    wheelchair: string;
    other: string;
    topic: string;
    notes: string;
    notesHint: string;
    choose: string;
    checkInCode: string;
    status: string;
  };
  durationOption: (minutes: number) => string;
  /** `startGraceMinutes`: named by 'past' (the contract's default when not given). */
  problem: (field: DraftField, problem: DraftProblem, startGraceMinutes?: number) => string;
  fixBeforeSaving: string;
  conflicts: {
    checking: string;
    none: string;
    heading: (count: number) => string;
    savedHeading: string;
    departmentFull: string;
    on: Record<ConflictingAppointment['on'], string>;
    advice: string;
    checkFailed: string;
  };
  create: string;
  save: string;
  saving: string;
  created: string;
  updated: string;
  cancelled: string;
  noChanges: string;
  locked: (status: string) => string;
  cancel: {
    button: string;
    title: string;
    message: (name: string, when: string) => string;
    reason: string;
    confirm: string;
    keep: string;
  };
  printSlip: string;
  downloadIcs: string;
  downloadFailed: string;
  history: {
    heading: string;
    empty: string;
    action: Record<AppointmentAction, string>;
    by: (name: string) => string;
    system: string;
    /** Changes made through the private booking link, the kiosk's own booking or the integration API. */
    resident: string;
    kiosk: string;
    api: string;
    from: string;
    to: string;
    slot: string;
    reason: string;
  };
}

const LIMIT: Partial<Record<DraftField, number>> = { residentName: 60, residentKana: 60, needsOther: 200, topic: 120, notes: 2000 };

/** A draft's problems: the fields' names and a sentence per problem (`choose` for the two pickers). */
type ProblemTexts = Record<DraftProblem | 'choose' | 'durationTooLong', string> & { fields: Record<DraftField, string> };

/** The words are in `ja/appointment.json` and `en/appointment.json`. */
export const appointmentMessages: AppointmentMessages = localized<AppointmentMessages>(sameKeysAsJapanese({ ja, en }), {
  durationOption: (text: { minutes: string; hours: string; hoursAndMinutes: string }, minutes) =>
    fill(minutes < 60 ? text.minutes : minutes % 60 === 0 ? text.hours : text.hoursAndMinutes, {
      hours: Math.floor(minutes / 60),
      minutes: minutes % 60,
    }),
  problem: (text: ProblemTexts, field, problem, startGraceMinutes = APPOINTMENT_START_GRACE_MINUTES) => {
    const values = { field: text.fields[field], limit: LIMIT[field] ?? '', minutes: startGraceMinutes };
    if (problem === 'required') return fill(field === 'departmentId' || field === 'kioskId' ? text.choose : text.required, values);
    if (problem === 'invalid' && field === 'durationMinutes') return text.durationTooLong;
    return fill(text[problem], values);
  },
  conflicts: { heading: (text: { one: string; other: string }, count) => fill(count === 1 ? text.one : text.other, { count }) },
  locked: ['status'],
  cancel: { message: ['name', 'when'] },
  history: { by: ['name'] },
});
