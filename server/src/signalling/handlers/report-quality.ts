import { defineHandler } from '../signalling-types';

export const reportQuality = defineHandler('reportQuality', {
  run: async ({ principal, inCall }, { consultationId, quality }) => {
    await inCall.reportQuality(principal, consultationId, quality);
    return null;
  },
});
