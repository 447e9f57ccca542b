import { useEffect, useEffectEvent } from 'react';
import type { CallSessionEvents } from '@madoguchi/call-core/call-session-types';
import { useCallClient } from './use-call-client';

/** Runs `listener` for every `event` of the session; the latest listener is always used. */
export function useCallSessionEvent<K extends keyof CallSessionEvents>(
  event: K,
  listener: (...args: CallSessionEvents[K]) => void,
): void {
  const session = useCallClient();
  const onEvent = useEffectEvent(listener);
  useEffect(() => session.on(event, (...args: CallSessionEvents[K]) => onEvent(...args)), [session, event]);
}
