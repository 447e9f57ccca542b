import { JoinRoomPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const joinRoom = defineHandler({
  event: 'joinRoom',
  schema: JoinRoomPayload,
  roles: ['kiosk', 'staff', 'admin'],
  run: async ({ principal, socketId, consultations, afterAck }, payload) => {
    const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload);
    afterAck(offerExistingMedia);
    return result;
  },
});
