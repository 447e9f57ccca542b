import { useMemo, useSyncExternalStore } from 'react';
import { parseHash } from '../app/routes';
import type { Route } from '../app/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = (): string => window.location.hash;

/** The screen the URL hash names; re-renders when the hash changes. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return useMemo(() => parseHash(hash), [hash]);
}
