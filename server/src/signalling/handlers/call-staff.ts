import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { CallStaffPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const callStaff = defineHandler({
  event: 'callStaff',
  schema: CallStaffPayload,
  roles: SOCKET_PERMISSIONS.callStaff,
  run: async ({ principal, consultations, afterAck }, payload) => {
    const queued = await consultations.callStaff(principal.id, payload);
    // The forecast sent while queueing may overtake this ack, before the kiosk knows its session.
    afterAck(async () => consultations.refreshForecasts());
    return queued;
  },
});
