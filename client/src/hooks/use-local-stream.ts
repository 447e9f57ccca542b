import { useCallSnapshot } from './use-call-snapshot';

/** This side's camera and microphone while in a call; null otherwise. */
export function useLocalStream(): MediaStream | null {
  return useCallSnapshot((snapshot) => snapshot.localStream);
}
