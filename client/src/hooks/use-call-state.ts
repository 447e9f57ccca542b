import type { CallState } from '@madoguchi/call-core/call-types';
import { useCallSnapshot } from './use-call-snapshot';

export function useCallState(): CallState {
  return useCallSnapshot((snapshot) => snapshot.callState);
}
