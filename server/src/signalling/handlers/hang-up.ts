import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler('hangUp', {
  run: async ({ principal, placement }, { consultationId, reason }) => {
    await placement.hangUp(principal, consultationId, reason);
    return null;
  },
});
