import { z } from './zod';
import { AppointmentNeeds, type AppointmentStatus } from './appointments';
import { LANGUAGES, LanguageSchema, type Language } from './languages';
import { Instant, LocalDate } from './pagination';
import { singleLine } from './text';

/**
 * Residents' own bookings (issue 19). Calendar days and opening hours are Japan time
 * (Asia/Tokyo, no daylight saving); instants are ISO 8601 with an offset.
 */

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** Monday = 1 … Sunday = 7 (ISO weekday). */
export const Weekday = z.number().int().min(1).max(7);

/** One opening interval on a weekday; a day may have several (e.g. a lunch break). */
export const OpeningInterval = z
  .object({ weekday: Weekday, opens: HHMM, closes: HHMM })
  .strict()
  .refine((v) => v.opens < v.closes, { message: 'closes must be after opens', path: ['closes'] });
export type OpeningInterval = z.infer<typeof OpeningInterval>;
const WeeklyHours = z.array(OpeningInterval).max(28);

const translations = z.partialRecord(z.enum(LANGUAGES), singleLine().min(1).max(80));

export const BookingTopicInput = z
  .object({
    /** Absent for a new topic. */
    id: z.uuid().optional(),
    name: singleLine().min(1).max(60),
    nameTranslations: translations.default({}),
    slotMinutes: z.number().int().min(10).max(240).multipleOf(5),
  })
  .strict();

export const DepartmentBookingRule = z
  .object({
    departmentId: z.uuid(),
    bookable: z.boolean(),
    /** Specialists serving the remote counter at once: how many booked residents overlap at most. */
    capacity: z.number().int().min(1).max(50),
    hours: WeeklyHours,
    topics: z.array(BookingTopicInput).max(30),
  })
  .strict();
export type DepartmentBookingRule = z.input<typeof DepartmentBookingRule>;

export const KioskBookingHours = z.object({ kioskId: z.uuid(), bookable: z.boolean(), hours: WeeklyHours }).strict();
export type KioskBookingHours = z.infer<typeof KioskBookingHours>;

export const BlockedDay = z.object({ day: LocalDate, label: singleLine().max(60).default('') }).strict();
export type BlockedDay = z.input<typeof BlockedDay>;

export const BookingPolicy = z
  .object({
    /** How many days ahead residents may book. */
    horizonDays: z.number().int().min(1).max(365),
    /** The earliest bookable start is this long from now. */
    leadMinutes: z.number().int().min(0).max(7 * 24 * 60),
    /** Residents may move or cancel until this long before the start. */
    changeCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60),
    /** Open (scheduled or checked-in) bookings one contact may hold. */
    maxOpenPerContact: z.number().int().min(1).max(20),
  })
  .strict();
export type BookingPolicy = z.infer<typeof BookingPolicy>;

export const DEFAULT_BOOKING_POLICY: BookingPolicy = Object.freeze({ horizonDays: 30, leadMinutes: 120, changeCutoffMinutes: 60, maxOpenPerContact: 3 });

/** 設定 → 予約枠: the whole set of rules, read and saved as one document. */
export const BookingRules = z
  .object({
    policy: BookingPolicy,
    departments: z.array(DepartmentBookingRule).max(200),
    kiosks: z.array(KioskBookingHours).max(500),
    blockedDays: z.array(BlockedDay).max(400),
  })
  .strict();
export type BookingRulesInput = z.input<typeof BookingRules>;

export interface BookingTopic {
  id: string;
  departmentId: string;
  name: string;
  nameTranslations: Partial<Record<Language, string>>;
  slotMinutes: number;
}

export interface BookingRulesView {
  policy: BookingPolicy;
  departments: { departmentId: string; bookable: boolean; capacity: number; hours: OpeningInterval[]; topics: BookingTopic[] }[];
  kiosks: KioskBookingHours[];
  blockedDays: { day: string; label: string }[];
}

/** What the public page offers: bookable departments with their topics, and bookable kiosks. */
export interface PublicBookingOptions {
  departments: { id: string; name: string; nameTranslations: Partial<Record<Language, string>>; topics: BookingTopic[] }[];
  kiosks: { id: string; name: string; location: string; address: string; hours: OpeningInterval[] }[];
  policy: Pick<BookingPolicy, 'horizonDays' | 'leadMinutes' | 'changeCutoffMinutes'>;
  /** Japan days nobody can book (holidays) within the horizon. */
  blockedDays: string[];
}

export const FreeTimeQuery = z
  .object({
    departmentId: z.uuid(),
    topicId: z.uuid(),
    kioskId: z.uuid(),
    /** First Japan day to search; today if absent. */
    from: LocalDate.optional(),
    days: z.coerce.number().int().min(1).max(31).default(7),
  })
  .strict();
export type FreeTimeQuery = z.input<typeof FreeTimeQuery>;

export interface FreeTime {
  startsAt: string;
  endsAt: string;
}

export interface FreeTimeDay {
  /** Japan calendar day. */
  day: string;
  times: FreeTime[];
}

export interface FreeTimes {
  days: FreeTimeDay[];
}

/** An offline proof of work: find `solution` so that SHA-256(challenge + solution) starts with `bits` zero bits. */
export interface BookingChallenge {
  challenge: string;
  bits: number;
  expiresAt: string;
}

export const ContactEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** Digits, with the usual separators and an optional leading +. */
export const ContactPhone = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+?[0-9()\- ]{0,20}$/, 'digits only');

const residentFields = {
  residentName: singleLine().min(1).max(60),
  residentKana: singleLine()
    .min(1)
    .max(60)
    .regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]*$/u, 'kana only'),
  email: ContactEmail,
  phone: ContactPhone.default(''),
  preferredLanguage: LanguageSchema.default('ja'),
  needs: AppointmentNeeds.default({ interpreter: false, hearingSupport: false, wheelchair: false, other: '' }),
};

export const PublicBookingRequest = z
  .object({
    departmentId: z.uuid(),
    topicId: z.uuid(),
    kioskId: z.uuid(),
    startsAt: Instant,
    ...residentFields,
    challenge: z.string().min(10).max(300),
    solution: z.string().regex(/^[0-9a-z]{1,16}$/),
  })
  .strict();
export type PublicBookingRequest = z.input<typeof PublicBookingRequest>;

/** The private link's token (43 base64url characters, 256 random bits). */
export const ManageTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }).strict();

export const PublicMoveRequest = z.object({ startsAt: Instant }).strict();
export type PublicMoveRequest = z.input<typeof PublicMoveRequest>;

/** What the resident sees of their own booking through the private link, and nothing else. */
export interface PublicBooking {
  status: AppointmentStatus;
  departmentName: string;
  departmentId: string;
  topicId: string | null;
  topicName: string;
  kioskId: string;
  kioskName: string;
  kioskLocation: string;
  kioskAddress: string;
  startsAt: string;
  endsAt: string;
  residentName: string;
  preferredLanguage: Language;
  /** Null once the booking is closed. */
  checkInCode: string | null;
  /** The code as a QR (SVG markup), in the format the kiosk reads from check-in slips. */
  checkInQrSvg: string | null;
  /** Until when the resident may still move or cancel it themselves. */
  changeableUntil: string;
  changeable: boolean;
}

export interface PublicBookingCreated {
  booking: PublicBooking;
  /** The private link's token: shown once, sent in the confirmation; only its hash is kept. */
  manageToken: string;
}

/** 409 details when the time was taken meanwhile: the next free times to offer instead. */
export interface SlotTakenDetails {
  reason: 'slot_taken';
  nextFreeTimes: FreeTime[];
}

export type ChangeActorKind = 'staff' | 'resident' | 'kiosk' | 'api' | 'system';
