/** Where the kiosk keeps its device credential ("<kioskId>.<secret>") between reboots. */
export const CREDENTIAL_STORAGE_KEY = 'madoguchi.kiosk.credential';

function fragment(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

function credentialInFragment(): string | null {
  return fragment().get('credential')?.trim() || null;
}

function clearFragment(): void {
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
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
    clearFragment();
  }
  return localStorage.getItem(CREDENTIAL_STORAGE_KEY);
}

/** Keeps the credential a pairing code was traded for; it replaces any older one. */
export function storeCredential(credential: string): void {
  localStorage.setItem(CREDENTIAL_STORAGE_KEY, credential);
}

/**
 * `/kiosk/#pair` shows the pairing screen even on a registered kiosk (re-pairing after a
 * move). The fragment stays until pairing succeeds, so a reload returns to the keypad.
 */
export function pairingRequested(): boolean {
  return fragment().has('pair');
}

/** `/kiosk/#check` and `/kiosk/#install`: an installer's screen instead of the resident's. */
export type InstallerScreen = 'check' | 'install';

export function installerScreenRequested(): InstallerScreen | null {
  const params = fragment();
  if (params.has('check')) return 'check';
  if (params.has('install')) return 'install';
  return null;
}

export function clearInstallerScreenRequest(): void {
  if (installerScreenRequested()) clearFragment();
}

export function clearPairingRequest(): void {
  if (pairingRequested()) clearFragment();
}

/**
 * A credential or `#pair` typed into the address bar of an open kiosk changes only the
 * fragment, which does not reload the page; `onNew` runs so the app can start over.
 */
export function watchForNewCredential(onNew: () => void): () => void {
  const listener = () => {
    if (credentialInFragment() || pairingRequested()) onNew();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
