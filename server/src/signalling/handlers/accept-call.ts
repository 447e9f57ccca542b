import { defineHandler } from '../signalling-types';

export const acceptCall = defineHandler('acceptCall', {
  // The node holding the resident decides; Postgres still guarantees a single winner.
  run: ({ principal, consultations, cluster }, { sessionId }) =>
    consultations.has(sessionId) ? consultations.accept(principal, sessionId) : cluster.acceptElsewhere(principal, sessionId),
});
