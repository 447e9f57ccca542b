import { defineHandler } from '../signalling-types';

export const joinRoom = defineHandler('joinRoom', {
  run: async ({ principal, socketId, consultations, forms, captions, afterAck }, payload) => {
    const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload);
    afterAck(offerExistingMedia);
    afterAck(() => forms.reshowOpen(principal, payload.consultationId));
    afterAck(async () => captions.captionerMoved(principal, payload.consultationId, socketId));
    return result;
  },
});
