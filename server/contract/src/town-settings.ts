import { z } from './zod';

/**
 * How a checked-in resident's name appears on the kiosk's public screen, where anyone passing
 * can read it: the family name (the first word of the booked name) with 様, initials with 様,
 * the full name (only where the screen cannot be seen by others), or no name at all.
 */
export const RESIDENT_NAME_DISPLAYS = ['family_name', 'initials', 'full', 'hidden'] as const;
export type ResidentNameDisplay = (typeof RESIDENT_NAME_DISPLAYS)[number];

/** How many digits a counter phone number may have: a local number without its area code up to E.164's 15. */
export const COUNTER_PHONE_DIGITS = { min: 6, max: 15 } as const;

/** Digits with hyphens, parentheses or spaces between them, an optional leading +; it starts and ends with a digit (or an opening parenthesis first). */
const PHONE_SHAPE = /^\+?[0-9(][0-9()\- ]*[0-9]$/;

/** Whether a resident could dial this as shown (the empty string, "not shown", is not a number). */
export function isCounterPhone(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return PHONE_SHAPE.test(text) && digits >= COUNTER_PHONE_DIGITS.min && digits <= COUNTER_PHONE_DIGITS.max;
}

/** The 400's words for `counterPhone` (the admin form shows its own). */
export const COUNTER_PHONE_MESSAGE = `must be a telephone number: digits with hyphens, parentheses or spaces, an optional leading +, ${COUNTER_PHONE_DIGITS.min} to ${COUNTER_PHONE_DIGITS.max} digits (e.g. 0120-000-000), or empty for none`;

/** What the town's kiosks show, set by admins in 設定 → キオスクの表示 (one setting for every kiosk). */
export const KioskDisplaySettings = z
  .object({
    residentNameDisplay: z.enum(RESIDENT_NAME_DISPLAYS),
    /**
     * Offered to a waiting resident when nobody can answer; empty: not shown. Full-width digits
     * and symbols (０１２０－…, typed with a Japanese input method) are made half-width first.
     */
    counterPhone: z
      .string()
      .normalize('NFKC')
      .trim()
      .max(40, COUNTER_PHONE_MESSAGE)
      .refine((text) => text === '' || isCounterPhone(text), COUNTER_PHONE_MESSAGE),
    /** Likewise, e.g. 「平日 8:30〜17:15」. */
    openingHours: z.string().trim().max(120),
    /**
     * Likewise, 「この窓口で予約する」: book a later time at this kiosk, for departments and kiosks
     * that 設定 → 予約枠 makes bookable. Absent in settings saved before it existed: off.
     */
    offerBookingHere: z.boolean().default(false),
  })
  .strict();
export type KioskDisplaySettings = z.infer<typeof KioskDisplaySettings>;

/** Until an admin saves something: names masked, no alternatives to offer. */
export const DEFAULT_KIOSK_DISPLAY: KioskDisplaySettings = Object.freeze({ residentNameDisplay: 'family_name', counterPhone: '', openingHours: '', offerBookingHere: false });
