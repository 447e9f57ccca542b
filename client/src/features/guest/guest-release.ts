import { shouldOfferReload, type ConsoleBannerInput } from '@madoguchi/contract/release';

/** Where the guest page is: joining, in the call, or done (left, ended, failed). */
export type GuestPhase = 'connecting' | 'joined' | 'left' | 'ended' | 'failed';

/**
 * Whether the guest page offers 「新しい版があります」: as on the console, never during the call;
 * and only while a reload can still help, i.e. while joining or after a failed join (a page
 * older than the server may be why). After the call the link is spent, so a reload offers nothing.
 */
export function guestOffersReload(phase: GuestPhase, release: ConsoleBannerInput): boolean {
  return (phase === 'connecting' || phase === 'failed') && shouldOfferReload(release);
}
