import type { QueueEntry } from '@madoguchi/contract/consultation';
import { useCallSnapshot } from './use-call-snapshot';

/** The waiting residents, as the server last reported them. */
export function useQueue(): readonly QueueEntry[] {
  return useCallSnapshot((snapshot) => snapshot.queue);
}
