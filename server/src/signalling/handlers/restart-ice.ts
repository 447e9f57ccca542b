import { defineHandler } from '../signalling-types';

export const restartIce = defineHandler('restartIce', {
  run: async ({ principal, consultations }, { sessionId, transportId }) => ({
    iceParameters: await consultations.restartIce(principal, sessionId, transportId),
  }),
});
