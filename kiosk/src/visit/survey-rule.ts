import type { EndReason } from '@madoguchi/contract/consultation';

/** Ends of a call that somebody finished on purpose: only these are rated. */
const RATED_ENDS: ReadonlySet<EndReason> = new Set(['completed', 'staff_ended', 'resident_left']);

/**
 * Whether the resident is asked how the call went. A call cut off on either side (the desk's
 * connection dropped, a server restart, a stopped node) is not theirs to rate: it gets the
 * notice only, and the kiosk is back at Idle within seconds.
 */
export function asksForRating(reason: EndReason): boolean {
  return RATED_ENDS.has(reason);
}
