import { defineHandler } from '../signalling-types';

export const reportQuality = defineHandler('reportQuality', {
  run: async ({ principal, inCall }, { sessionId, quality }) => {
    await inCall.reportQuality(principal, sessionId, quality);
    return null;
  },
});
