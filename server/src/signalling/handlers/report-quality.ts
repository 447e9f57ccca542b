import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ReportQualityPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const reportQuality = defineHandler({
  event: 'reportQuality',
  schema: ReportQualityPayload,
  roles: SOCKET_PERMISSIONS.reportQuality,
  run: async ({ principal, inCall }, { sessionId, quality }) => {
    await inCall.reportQuality(principal, sessionId, quality);
    return null;
  },
});
