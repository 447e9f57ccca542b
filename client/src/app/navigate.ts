import { hrefFor } from './routes';
import type { Route } from './routes';

/** Goes to a screen; `replace` swaps the history entry instead (filters, paging). */
export function navigate(route: Route, { replace = false }: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (window.location.hash === href) return;
  if (replace) {
    window.history.replaceState(null, '', href);
    // replaceState fires no hashchange; tell the router ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}
