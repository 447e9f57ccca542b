import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { CheckInPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const checkIn = defineHandler({
  event: 'checkIn',
  schema: CheckInPayload,
  roles: SOCKET_PERMISSIONS.checkIn,
  run: async ({ principal, consultations, afterAck }, { code, language }) => {
    const checkedIn = await consultations.checkIn(principal.id, code, language);
    // The forecast sent while queueing may overtake this ack, before the kiosk knows its session.
    afterAck(async () => consultations.refreshForecasts());
    return checkedIn;
  },
});
