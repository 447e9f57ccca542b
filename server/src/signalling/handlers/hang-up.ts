import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { HangUpPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler({
  event: 'hangUp',
  schema: HangUpPayload,
  roles: SOCKET_PERMISSIONS.hangUp,
  run: async ({ principal, consultations }, { sessionId }) => {
    await consultations.hangUp(principal, sessionId);
    return null;
  },
});
