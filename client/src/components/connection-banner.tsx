import type { ConnectionState } from '@madoguchi/call-core/call-types';

export interface ConnectionBannerProps {
  state: ConnectionState;
  texts: { connecting: string; reconnecting: string; failed: string };
}

/** Says so whenever the server cannot be reached; silent while all is well. */
export function ConnectionBanner({ state, texts }: ConnectionBannerProps) {
  const text =
    state === 'idle' || state === 'connecting'
      ? texts.connecting
      : state === 'reconnecting'
        ? texts.reconnecting
        : state === 'failed'
          ? texts.failed
          : null;
  if (!text) return null;
  return (
    <p className={`connection-banner connection-banner--${state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
