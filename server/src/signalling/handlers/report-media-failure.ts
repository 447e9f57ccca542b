import { defineHandler } from '../signalling-types';

export const reportMediaFailure = defineHandler('reportMediaFailure', {
  run: ({ principal, consultations }, { sessionId }) => consultations.reportMediaFailure(principal, sessionId),
});
