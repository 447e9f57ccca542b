import { defineHandler } from '../signalling-types';

export const joinRoom = defineHandler('joinRoom', {
  run: async ({ principal, socketId, consultations, forms, afterAck }, payload) => {
    const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload);
    afterAck(offerExistingMedia);
    afterAck(() => forms.reshowOpen(principal, payload.consultationId));
    return result;
  },
});
