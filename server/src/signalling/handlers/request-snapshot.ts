import { defineHandler } from '../signalling-types';

export const requestSnapshot = defineHandler('requestSnapshot', {
  run: async ({ principal, inCall }, { sessionId }) => inCall.requestSnapshot(principal, sessionId),
});
