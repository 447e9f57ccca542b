import { z } from './zod';

/**
 * How a checked-in resident's name appears on the kiosk's public screen, where anyone passing
 * can read it: the family name (the first word of the booked name) with 様, initials with 様,
 * the full name (only where the screen cannot be seen by others), or no name at all.
 */
export const RESIDENT_NAME_DISPLAYS = ['family_name', 'initials', 'full', 'hidden'] as const;
export type ResidentNameDisplay = (typeof RESIDENT_NAME_DISPLAYS)[number];

/** What the town's kiosks show, set by admins in 設定 → キオスクの表示 (one setting for every kiosk). */
export const KioskDisplaySettings = z
  .object({
    residentNameDisplay: z.enum(RESIDENT_NAME_DISPLAYS),
    /** Offered to a waiting resident when nobody can answer; empty: not shown. */
    counterPhone: z.string().trim().max(40),
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
