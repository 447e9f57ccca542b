import { defineHandler } from '../signalling-types';

export const restartIce = defineHandler('restartIce', {
  run: async ({ principal, consultations }, { consultationId, transportId }) => ({
    iceParameters: await consultations.restartIce(principal, consultationId, transportId),
  }),
});
