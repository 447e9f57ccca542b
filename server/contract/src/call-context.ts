import type { AppointmentNeeds, AppointmentStatus } from './appointments';
import type { ConsultationKind, OutcomeCode } from './consultation';
import type { Language } from './languages';

/** One earlier (or later) appointment of the same resident, as the desk sees it during a call. */
export interface ResidentVisit {
  appointmentId: string;
  startsAt: string;
  departmentName: string;
  status: AppointmentStatus;
  topic: string;
  /** What the consultation came to, when one was recorded. */
  outcomeCode: OutcomeCode | null;
}

/** What the booking said about the resident; null for a walk-in. */
export interface BookedResident {
  appointmentId: string;
  name: string;
  kana: string;
  needs: AppointmentNeeds;
  topic: string;
  notes: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Who the desk is talking to, for the call view (GET /api/consultations/:id/context): only the member
 * who answered the call, or an admin, may read it, and every read is audited.
 */
export interface CallContext {
  consultationId: string;
  kind: ConsultationKind;
  departmentName: string | null;
  kioskName: string;
  kioskLocation: string;
  /** The language the resident chose at the kiosk (or booked in). */
  language: Language;
  resident: BookedResident | null;
  /** The same resident's other appointments (same name and kana), newest first, at most 10. */
  history: ResidentVisit[];
}
