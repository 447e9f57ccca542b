import type * as MediasoupClient from 'mediasoup-client';

let loading: Promise<typeof MediasoupClient> | undefined;

/**
 * mediasoup-client is most of the apps' script weight, and only a call needs it. It is a
 * separate chunk: the staff login page never loads it, and the apps fetch it in the
 * background once they can take part in a call (preloadMediasoupClient), so a call does not
 * wait for it. A failed fetch is forgotten so that the next attempt tries again.
 */
export function loadMediasoupClient(): Promise<typeof MediasoupClient> {
  loading ??= import('mediasoup-client').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Fetches the chunk when the browser is idle (or soon), ignoring failures: a call retries. */
export function preloadMediasoupClient(): void {
  const start = (): void => void loadMediasoupClient().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2_000 });
  else setTimeout(start, 200);
}
