import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { TransportPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const restartIce = defineHandler({
  event: 'restartIce',
  schema: TransportPayload,
  roles: SOCKET_PERMISSIONS.restartIce,
  run: async ({ principal, consultations }, { sessionId, transportId }) => ({
    iceParameters: await consultations.restartIce(principal, sessionId, transportId),
  }),
});
