import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler('hangUp', {
  run: async ({ principal, placement, captions }, { consultationId, reason }) => {
    await placement.hangUp(principal, consultationId, reason);
    captions.captionerMoved(principal, consultationId);
    return null;
  },
});
