import { defineHandler } from '../signalling-types';

export const closeProducer = defineHandler('closeProducer', {
  run: async ({ principal, consultations }, { sessionId, producerId }) => {
    await consultations.closeProducer(principal, sessionId, producerId);
    return null;
  },
});
