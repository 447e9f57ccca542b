import { defineHandler } from '../signalling-types';

export const cancelCall = defineHandler('cancelCall', {
  run: async ({ principal, consultations }, { consultationId }) => {
    await consultations.cancel(principal, consultationId);
    return null;
  },
});
