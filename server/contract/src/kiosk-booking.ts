import { z } from './zod';
import { FreeTimeQuery, type BookingTopic } from './booking';
import { LanguageSchema } from './languages';
import { Instant } from './pagination';

/**
 * 「この窓口で予約する」 (issue 14, item 6): when nobody in the department can answer, a resident
 * standing at a kiosk books a later time at this same kiosk. No name, no contact: the resident
 * takes away the check-in code (shown large, with its QR) and types or shows it here on the day.
 * The kiosk's routes carry its own id in the path; a kiosk token for another kiosk is refused.
 */

/** A department this kiosk offers to book, with its topics (the length of a visit comes from the topic). */
export interface KioskBookingOffer {
  departmentId: string;
  topics: BookingTopic[];
}

/** The booking page's query without the kiosk: the kiosk is the one in the path (its own). */
export const KioskFreeTimeQuery = FreeTimeQuery.omit({ kioskId: true });
export type KioskFreeTimeQuery = z.input<typeof KioskFreeTimeQuery>;

export const KioskBookingRequest = z
  .object({
    departmentId: z.uuid(),
    topicId: z.uuid(),
    startsAt: Instant,
    /** The language the resident was using on the kiosk: the specialist sees it, the kiosk greets them in it. */
    preferredLanguage: LanguageSchema.default('ja'),
  })
  .strict();
export type KioskBookingRequest = z.input<typeof KioskBookingRequest>;

/** What the kiosk shows once booked, and nothing else of the appointment. */
export interface KioskBookingCreated {
  checkInCode: string;
  /** The code as a QR (SVG markup), the format the kiosk reads from check-in slips. */
  checkInQrSvg: string;
  startsAt: string;
  endsAt: string;
  departmentId: string;
  departmentName: string;
  topicName: string;
}
