import type { RemoteTrack } from '@madoguchi/call-core/call-types';
import { useCallSnapshot } from './use-call-snapshot';

export function useRemoteTracks(): readonly RemoteTrack[] {
  return useCallSnapshot((snapshot) => snapshot.remoteTracks);
}
