import { defineHandler } from '../signalling-types';

export const cancelCall = defineHandler('cancelCall', {
  run: async ({ principal, consultations }, { sessionId }) => {
    await consultations.cancel(principal, sessionId);
    return null;
  },
});
