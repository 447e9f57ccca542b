import type { CallSnapshot } from './call-types';

/** Before the first connection, and what a call leaves behind once it is torn down. */
export const EMPTY_SNAPSHOT: CallSnapshot = Object.freeze<CallSnapshot>({
  connection: 'idle',
  serverInfo: null,
  pageBuildId: null,
  callState: 'idle',
  call: null,
  media: { send: 'new', recv: 'new' },
  iceProtocol: 'any',
  localStream: null,
  remoteTracks: [],
  peers: [],
  queue: [],
  lastError: null,
  failover: null,
});
