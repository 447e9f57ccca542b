import { z } from './zod';
import { singleLine } from './text';

/**
 * Who the guest is, so the resident is told who joined (「通訳者が参加しました」) and every
 * tile can say who it shows. `captioner`: a 要約筆記 captioner, whose page has a typing box whose
 * text the kiosk shows as captions (see captions.ts). `other` for anyone else (a family member on the phone, a colleague).
 */
export const GUEST_KINDS = ['interpreter', 'sign_language', 'department', 'other', 'captioner'] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];

export const CreateGuestLinkRequest = z
  .object({ label: singleLine().min(1).max(40).default('同席者'), kind: z.enum(GUEST_KINDS).default('other') })
  .strict();
export type CreateGuestLinkRequest = z.input<typeof CreateGuestLinkRequest>;

/** Shown once to the staff member, who passes it to the guest (it is the guest's only key). */
export interface GuestLink {
  linkId: string;
  consultationId: string;
  /** Opens the guest page of the staff app; valid for one guest, for this call only. */
  url: string;
  expiresAt: string;
}

/** Guest links live this long unless used; the guest's access ends with the call anyway. */
export const GUEST_LINK_TTL_SECONDS = 30 * 60;

/**
 * The life of the token in a guest link: at most this long in a call. An interpreter or a
 * captioner who joined stays until they leave or the call ends; the link's own 30 minutes
 * only bound its first use, so they are not cut off mid-call and can come back after a drop.
 */
export const GUEST_ACCESS_MAX_SECONDS = 12 * 60 * 60;

/**
 * Open guest links a call may have at once: unused ones not yet lapsed, and those whose guest is
 * in the call (joined, not left). An interpreter, a captioner and a family member or two is
 * plenty; past that a link left lying around is more likely a mistake or a leak than a need.
 * A guest leaving or an unused link lapsing frees a place.
 */
export const MAX_OPEN_GUEST_LINKS = 4;

/** The 409 CONFLICT body's `details` when a call already has MAX_OPEN_GUEST_LINKS open links. */
export interface GuestLinkLimitDetails {
  reason: 'guest_link_limit';
  limit: number;
}
