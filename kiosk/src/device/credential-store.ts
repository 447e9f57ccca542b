/** Where the kiosk keeps its device credential ("<kioskId>.<secret>") between reboots. */
export const CREDENTIAL_STORAGE_KEY = 'madoguchi.kiosk.credential';

/**
 * Provisioning opens `/kiosk/#credential=<kioskId>.<secret>` once. The fragment never
 * reaches the server's logs; it is moved into localStorage and wiped from the address bar
 * and the history entry so that nobody reads it off the screen later.
 */
export function captureCredential(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromUrl = params.get('credential')?.trim();
  if (fromUrl) {
    localStorage.setItem(CREDENTIAL_STORAGE_KEY, fromUrl);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(CREDENTIAL_STORAGE_KEY);
}
