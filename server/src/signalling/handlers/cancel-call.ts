import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { SessionPayload } from '../../contract/signalling-schemas';
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
