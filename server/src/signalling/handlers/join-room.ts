import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { JoinRoomPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const joinRoom = defineHandler({
  event: 'joinRoom',
  schema: JoinRoomPayload,
  roles: SOCKET_PERMISSIONS.joinRoom,
  run: async ({ principal, socketId, consultations, afterAck }, payload) => {
    const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload);
    afterAck(offerExistingMedia);
    return result;
  },
});
