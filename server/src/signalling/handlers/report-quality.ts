import { ReportQualityPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const reportQuality = defineHandler({
  event: 'reportQuality',
  schema: ReportQualityPayload,
  roles: ['staff', 'admin'],
  run: async ({ principal, inCall }, { sessionId, quality }) => {
    await inCall.reportQuality(principal, sessionId, quality);
    return null;
  },
});
