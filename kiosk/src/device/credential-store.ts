/** Where the kiosk keeps its device credential ("<kioskId>.<secret>") between reboots. */
export const CREDENTIAL_STORAGE_KEY = 'madoguchi.kiosk.credential';

function credentialInFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return params.get('credential')?.trim() || null;
}

/**
 * Provisioning opens `/kiosk/#credential=<kioskId>.<secret>` once. The fragment never
 * reaches the server's logs; it is moved into localStorage and wiped from the address bar
 * and the history entry so that nobody reads it off the screen later.
 */
export function captureCredential(): string | null {
  const fromUrl = credentialInFragment();
  if (fromUrl) {
    localStorage.setItem(CREDENTIAL_STORAGE_KEY, fromUrl);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return localStorage.getItem(CREDENTIAL_STORAGE_KEY);
}

/**
 * A credential typed into the address bar of an open kiosk changes only the fragment, which
 * does not reload the page; `onNew` runs so the app can start over with it.
 */
export function watchForNewCredential(onNew: () => void): () => void {
  const listener = () => {
    if (credentialInFragment()) onNew();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
