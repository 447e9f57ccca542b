import { useCallback, useSyncExternalStore } from 'react';
import type { CallSnapshot } from '@madoguchi/call-core/call-types';
import { useCallClient } from './use-call-client';

const identity = (snapshot: CallSnapshot): CallSnapshot => snapshot;

/**
 * Subscribes to the call client. `select` must return a part of the snapshot as is (not
 * a new object): snapshot fields keep their identity until they change, so the component
 * re-renders only when its part does.
 */
export function useCallSnapshot(): CallSnapshot;
export function useCallSnapshot<T>(select: (snapshot: CallSnapshot) => T): T;
export function useCallSnapshot<T>(select?: (snapshot: CallSnapshot) => T): T | CallSnapshot {
  const client = useCallClient();
  const subscribe = useCallback((onChange: () => void) => client.on('changed', onChange), [client]);
  const pick = select ?? identity;
  return useSyncExternalStore(subscribe, () => pick(client.getSnapshot()));
}
