import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler('hangUp', {
  run: async ({ principal, placement, captions }, { sessionId, reason }) => {
    await placement.hangUp(principal, sessionId, reason);
    captions.captionerMoved(principal, sessionId);
    return null;
  },
});
