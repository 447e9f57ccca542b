import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ReportDeviceProblemPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const reportDeviceProblem = defineHandler({
  event: 'reportDeviceProblem',
  schema: ReportDeviceProblemPayload,
  roles: SOCKET_PERMISSIONS.reportDeviceProblem,
  run: async ({ principal, inCall }, payload) => {
    inCall.reportDeviceProblem(principal, payload);
    return null;
  },
});
