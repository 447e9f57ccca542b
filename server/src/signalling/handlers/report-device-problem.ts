import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { ReportDeviceProblemPayload } from '../../contract/signalling-schemas';
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
