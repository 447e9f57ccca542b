import { defineHandler } from '../signalling-types';

export const joinRoom = defineHandler('joinRoom', {
  run: async ({ principal, socketId, consultations, afterAck }, payload) => {
    const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload);
    afterAck(offerExistingMedia);
    return result;
  },
});
