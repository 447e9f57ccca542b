import { useEffect, useEffectEvent } from 'react';
import type { CallClientEvents } from '@madoguchi/call-core/call-types';
import { useCallClient } from './use-call-client';

/** Runs `listener` for every `event` of the call client; the latest listener is always used. */
export function useCallEvent<K extends keyof CallClientEvents>(
  event: K,
  listener: (...args: CallClientEvents[K]) => void,
): void {
  const client = useCallClient();
  const onEvent = useEffectEvent(listener);
  useEffect(() => client.on(event, (...args: CallClientEvents[K]) => onEvent(...args)), [client, event]);
}
