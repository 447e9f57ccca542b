import { useCallback, useSyncExternalStore } from 'react';
import type { CallSessionSnapshot } from '@madoguchi/call-core/call-session-types';
import { useCallClient } from './use-call-client';

const identity = (snapshot: CallSessionSnapshot): CallSessionSnapshot => snapshot;

/**
 * Subscribes to the call session. `select` must return a part of the snapshot as is (not
 * a new object): snapshot fields keep their identity until they change, so the component
 * re-renders only when its part does.
 */
export function useCallSnapshot(): CallSessionSnapshot;
export function useCallSnapshot<T>(select: (snapshot: CallSessionSnapshot) => T): T;
export function useCallSnapshot<T>(select?: (snapshot: CallSessionSnapshot) => T): T | CallSessionSnapshot {
  const session = useCallClient();
  const subscribe = useCallback((onChange: () => void) => session.on('changed', onChange), [session]);
  const pick = select ?? identity;
  return useSyncExternalStore(subscribe, () => pick(session.getSnapshot()));
}
