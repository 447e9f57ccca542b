import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { HangUpPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler({
  event: 'hangUp',
  schema: HangUpPayload,
  roles: SOCKET_PERMISSIONS.hangUp,
  // A desk whose socket to the node holding the call is gone hangs up through its own node.
  run: async ({ principal, consultations, cluster }, { sessionId, reason }) => {
    if (consultations.has(sessionId)) await consultations.hangUp(principal, sessionId, reason);
    else await cluster.hangUpElsewhere(principal, sessionId, reason);
    return null;
  },
});
