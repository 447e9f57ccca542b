import type { ClientToServerEvents, SocketPrincipal } from './signalling-events';

export type SocketRole = SocketPrincipal['role'];

const KIOSK = ['kiosk'] as const;
const STAFF = ['staff', 'admin'] as const;
const ANY_PARTY = ['kiosk', 'staff', 'admin'] as const;
/** In a call: the kiosk, staff, and a guest invited into that one call. */
const IN_CALL = ['kiosk', 'staff', 'admin', 'guest'] as const;

/**
 * Who may send each socket request: the socket half of the permission table (the REST half is
 * API_ROUTES). Handlers take their roles from here; a test walks every event × every role.
 * Being allowed to send a request is the first gate; the consultation then checks that the
 * sender takes part in it.
 */
export const SOCKET_PERMISSIONS: { readonly [E in keyof ClientToServerEvents]: readonly SocketRole[] } = {
  getServerInfo: IN_CALL,
  renewAuth: ANY_PARTY,
  callStaff: KIOSK,
  checkIn: KIOSK,
  submitSurvey: KIOSK,
  heartbeat: KIOSK,
  cancelCall: KIOSK,
  answerSnapshot: KIOSK,
  reportDeviceProblem: KIOSK,
  getQueue: STAFF,
  setAvailability: STAFF,
  acceptCall: STAFF,
  requestSnapshot: STAFF,
  pointer: STAFF,
  transferCall: STAFF,
  reportQuality: STAFF,
  joinRoom: IN_CALL,
  connectTransport: IN_CALL,
  produce: IN_CALL,
  closeProducer: IN_CALL,
  restartIce: IN_CALL,
  hangUp: IN_CALL,
  reportMediaFailure: ANY_PARTY,
  startMediaCheck: ANY_PARTY,
  connectMediaCheck: ANY_PARTY,
  produceMediaCheck: ANY_PARTY,
  resumeMediaCheck: ANY_PARTY,
  endMediaCheck: ANY_PARTY,
  resumeCall: ANY_PARTY,
  saveOutcome: STAFF,
  sendMessage: IN_CALL,
  // Captions: the handlers narrow guests further to captioner guests (guestKind 'captioner').
  captionInput: ['guest'],
  correctCaption: STAFF,
  captionConsent: KIOSK,
  getCaptions: IN_CALL,
};
