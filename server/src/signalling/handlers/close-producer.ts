import { defineHandler } from '../signalling-types';

export const closeProducer = defineHandler('closeProducer', {
  run: async ({ principal, consultations }, { consultationId, producerId }) => {
    await consultations.closeProducer(principal, consultationId, producerId);
    return null;
  },
});
