import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler('hangUp', {
  run: async ({ principal, placement }, { sessionId, reason }) => {
    await placement.hangUp(principal, sessionId, reason);
    return null;
  },
});
