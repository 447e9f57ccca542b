import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SessionPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const acceptCall = defineHandler({
  event: 'acceptCall',
  schema: SessionPayload,
  roles: SOCKET_PERMISSIONS.acceptCall,
  // The node holding the resident decides; Postgres still guarantees a single winner.
  run: ({ principal, consultations, cluster }, { sessionId }) =>
    consultations.has(sessionId) ? consultations.accept(principal, sessionId) : cluster.acceptElsewhere(principal, sessionId),
});
