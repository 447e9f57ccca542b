import { defineHandler } from '../signalling-types';

export const requestSnapshot = defineHandler('requestSnapshot', {
  run: async ({ principal, inCall }, { consultationId }) => inCall.requestSnapshot(principal, consultationId),
});
