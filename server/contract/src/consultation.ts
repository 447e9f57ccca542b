import { z } from './zod';
import { multiLine } from './text';
import type { AppointmentNeeds } from './appointments';
import type { ConsultationLeg } from './consultation-legs';
import type { GuestKind } from './guests';
import type { Language } from './languages';
import type { PeerRole } from './media-types';
import { LocalDate, PageQuery } from './pagination';

/**
 * Lifecycle of one consultation, booked or walk-in:
 *   queued -> active -> ended
 *   queued -> ended          (the resident gave up, or the kiosk went away)
 * This is the lifecycle of one leg. A transfer ends the leg (active -> ended, reason
 * `transferred`) and the consultation goes on in its next leg, queued for the other department
 * (see consultation-legs.ts); the consultation is over when its last leg has ended.
 */
export const CONSULTATION_STATES = ['queued', 'active', 'ended'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const END_REASONS = [
  'completed',
  'resident_left',
  'staff_ended',
  'network_lost',
  'transferred',
  'server_restart',
  /** Signalling worked but media never flowed, over UDP or TCP: a firewall, usually. */
  'media_failed',
  /** The server node holding the call stopped (crash, power, network) and did not come back in time. */
  'node_lost',
  /** Staff answered and found nobody at the kiosk: 「キオスクに人がいない」. */
  'resident_absent',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * How the media path fared, kept on the record for reports: `tcp_fallback` when UDP carried
 * nothing and the call ran over ICE-TCP, `media_failed` when neither worked.
 */
export const MEDIA_FLAGS = ['tcp_fallback', 'media_failed'] as const;
export type MediaFlag = (typeof MEDIA_FLAGS)[number];

export type ConsultationKind = 'booked' | 'walk_in';

/**
 * What a waiting resident is told besides their place: a specialist who can answer is free
 * (「まもなく」), all of them are busy (minutes, when there is history), or nobody who serves
 * this department is online (the town's other ways are offered).
 */
export type WaitOutlook = 'soon' | 'waiting' | 'nobody';

/** One waiting resident as the staff queue shows it. */
export interface QueueEntry {
  consultationId: string;
  kind: ConsultationKind;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  departmentId: string | null;
  departmentName: string | null;
  appointmentId: string | null;
  /** Booked residents only (walk-ins are anonymous until they speak). */
  residentName: string | null;
  language: Language;
  needs: AppointmentNeeds | null;
  queuedAt: string;
}

export const OUTCOME_CODES = [
  'resolved',
  'follow_up',
  'referred',
  'documents_needed',
  'visit_counter',
  'no_conversation',
  'other',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export const CONSULTATION_EVENT_TYPES = [
  'queued',
  'answered',
  'joined',
  'left',
  'reconnected',
  'media_restarted',
  'media_tcp_fallback',
  'media_failed',
  'guest_invited',
  'producer_started',
  'producer_stopped',
  'snapshot_taken',
  'snapshot_refused',
  /** The kiosk's camera, microphone or document camera was missing from the call; details.device. */
  'device_problem',
  'transferred',
  'message_sent',
  'form_shown',
  'form_correction_asked',
  'form_signed',
  'form_refused',
  /** Staff took a form off the kiosk before the resident answered it. */
  'form_withdrawn',
  /** The call ended (or was handed over) before the resident answered a form: it was withdrawn with it. */
  'form_left_unanswered',
  /** Captions were shown; details.source: `captioner` or `recogniser` (once per source and call). */
  'captions_used',
  'node_failover',
  'ended',
] as const;
export type ConsultationEventType = (typeof CONSULTATION_EVENT_TYPES)[number];

export interface ConsultationEvent {
  at: string;
  type: ConsultationEventType;
  /** 'kiosk', 'staff' or 'system'. */
  actor: string;
  details: Record<string, unknown>;
}

/**
 * Where a `transferred` event's details name the next leg. Events are stored history (jsonb, read
 * back by the records page and by a migration), so the key keeps the name it was written with.
 */
export const TRANSFERRED_TO_KEY = 'newSessionId'; // rename:keep

/** Per-direction means over the call, reported from getStats. */
export const QualityDirection = z
  .object({
    meanRttMs: z.number().min(0).max(60_000).nullable(),
    lossPercent: z.number().min(0).max(100).nullable(),
    meanBitrateKbps: z.number().min(0).max(1_000_000).nullable(),
  })
  .strict();
export const QualitySummary = z
  .object({ kioskToStaff: QualityDirection, staffToKiosk: QualityDirection })
  .strict();
export type QualitySummary = z.infer<typeof QualitySummary>;

export const ConsultationOutcomeRequest = z
  .object({ outcomeCode: z.enum(OUTCOME_CODES), notes: multiLine().max(4000).default('') })
  .strict();
export type ConsultationOutcomeRequest = z.input<typeof ConsultationOutcomeRequest>;

export const ConsultationListQuery = z
  .object({
    ...PageQuery,
    /** Japan days, inclusive, on the queued time. */
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    departmentId: z.uuid().optional(),
    kioskId: z.uuid().optional(),
    staffId: z.uuid().optional(),
    status: z.enum(CONSULTATION_STATES).optional(),
    kind: z.enum(['booked', 'walk_in']).optional(),
    outcomeCode: z.enum(OUTCOME_CODES).optional(),
  })
  .strict();
export type ConsultationListQuery = z.input<typeof ConsultationListQuery>;

export interface PeerInfo {
  role: PeerRole;
  displayName: string;
  /** Guests only: who they are, for the kiosk's 「通訳者が参加しました」 and the tiles' captions. */
  guestKind?: GuestKind;
}

/** A consultation record as the REST API returns it. Times are ISO 8601 in UTC. */
export interface ConsultationRecord {
  id: string;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  kind: ConsultationKind;
  departmentId: string | null;
  departmentName: string | null;
  appointmentId: string | null;
  staffId: string | null;
  staffName: string | null;
  status: ConsultationState;
  queuedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  /** Seconds from queued to answered (or to ended, if never answered); derived. */
  waitSeconds: number | null;
  /** Seconds from answered to ended; derived. */
  durationSeconds: number | null;
  outcomeCode: OutcomeCode | null;
  notes: string;
  satisfaction: number | null;
  quality: QualitySummary | null;
  mediaFlag: MediaFlag | null;
  /** The language the resident used at the kiosk. */
  language: Language;
  /** The consultation this record is a leg of (its first leg's id; its own id when it is the first). */
  firstLegId: string;
  /** 1 unless the resident was handed over from another department (see consultation-legs.ts). */
  leg: number;
}

/**
 * One row of the records list: a consultation, shown once however many departments served it.
 * Its fields are the first leg's (so the link opens the consultation from its start), except
 * status, end, duration and rating, which are the consultation's as a whole (its last leg's end).
 */
export interface ConsultationListItem extends ConsultationRecord {
  /** Every leg, in order (one when nobody handed the resident over). */
  legs: ConsultationLeg[];
}

export interface ConsultationDetail extends ConsultationRecord {
  events: ConsultationEvent[];
  /** Names for the staff and department ids the events mention, so a timeline never shows a raw id. */
  names: Record<string, string>;
  /** Every leg of the consultation, in order (one when nobody handed the resident over). */
  legs: ConsultationLeg[];
}
