import type { RemoteTrack } from '@media/call-session-types';
import { useCallSnapshot } from './use-call-snapshot';

export function useRemoteTracks(): readonly RemoteTrack[] {
  return useCallSnapshot((snapshot) => snapshot.remoteTracks);
}
