import type { ClientToServerEvents, SocketPrincipal } from './signalling-events';

export type SocketRole = SocketPrincipal['role'];

const KIOSK = ['kiosk'] as const;
const STAFF = ['staff', 'admin'] as const;
const ANY_PARTY = ['kiosk', 'staff', 'admin'] as const;

/**
 * Who may send each socket request: the socket half of the permission table (the REST half is
 * API_ROUTES). Handlers take their roles from here; a test walks every event × every role.
 * Being allowed to send a request is the first gate; the consultation then checks that the
 * sender takes part in it.
 */
export const SOCKET_PERMISSIONS: { readonly [E in keyof ClientToServerEvents]: readonly SocketRole[] } = {
  getServerInfo: ANY_PARTY,
  renewAuth: ANY_PARTY,
  callStaff: KIOSK,
  checkIn: KIOSK,
  submitSurvey: KIOSK,
  heartbeat: KIOSK,
  cancelCall: KIOSK,
  answerSnapshot: KIOSK,
  getQueue: STAFF,
  acceptCall: STAFF,
  requestSnapshot: STAFF,
  pointer: STAFF,
  transferCall: STAFF,
  reportQuality: STAFF,
  joinRoom: ANY_PARTY,
  connectTransport: ANY_PARTY,
  produce: ANY_PARTY,
  closeProducer: ANY_PARTY,
  restartIce: ANY_PARTY,
  hangUp: ANY_PARTY,
  sendMessage: ANY_PARTY,
};
