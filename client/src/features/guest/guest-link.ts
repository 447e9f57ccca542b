/** Guest links mailed before issue 15 renamed the parameter name the consultation this way. */
const LEGACY_CONSULTATION_PARAM = 'session'; // rename:keep

/**
 * Reads `#/guest?consultation=…&token=…`; null when the page is not a guest link. Kept apart from
 * the guest page so that the app can decide without loading the call code.
 */
export function guestLinkFromHash(hash: string): { consultationId: string | null; token: string | null } | null {
  if (!hash.startsWith('#/guest')) return null;
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  return { consultationId: query.get('consultation') ?? query.get(LEGACY_CONSULTATION_PARAM), token: query.get('token') };
}
