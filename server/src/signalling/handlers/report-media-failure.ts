import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { SessionPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const reportMediaFailure = defineHandler({
  event: 'reportMediaFailure',
  schema: SessionPayload,
  roles: SOCKET_PERMISSIONS.reportMediaFailure,
  run: ({ principal, consultations }, { sessionId }) => consultations.reportMediaFailure(principal, sessionId),
});
