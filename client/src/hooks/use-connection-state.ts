import type { ConnectionState } from '@madoguchi/call-core/call-types';
import { useCallSnapshot } from './use-call-snapshot';

export function useConnectionState(): ConnectionState {
  return useCallSnapshot((snapshot) => snapshot.connection);
}
