import { defineHandler } from '../signalling-types';

export const callStaff = defineHandler('callStaff', {
  run: async ({ principal, consultations, afterAck }, payload) => {
    const queued = await consultations.callStaff(principal.id, payload);
    // The forecast sent while queueing may overtake this ack, before the kiosk knows its consultation.
    afterAck(async () => consultations.refreshForecasts());
    return queued;
  },
});
