import { defineHandler } from '../signalling-types';

export const checkIn = defineHandler('checkIn', {
  run: async ({ principal, consultations, afterAck }, { code, language }) => {
    const checkedIn = await consultations.checkIn(principal.id, code, language);
    // The forecast sent while queueing may overtake this ack, before the kiosk knows its consultation.
    afterAck(async () => consultations.refreshForecasts());
    return checkedIn;
  },
});
