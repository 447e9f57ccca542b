import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SessionPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const cancelCall = defineHandler({
  event: 'cancelCall',
  schema: SessionPayload,
  roles: SOCKET_PERMISSIONS.cancelCall,
  run: async ({ principal, consultations }, { sessionId }) => {
    await consultations.cancel(principal, sessionId);
    return null;
  },
});
