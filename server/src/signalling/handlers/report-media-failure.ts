import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SessionPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const reportMediaFailure = defineHandler({
  event: 'reportMediaFailure',
  schema: SessionPayload,
  roles: SOCKET_PERMISSIONS.reportMediaFailure,
  run: ({ principal, consultations }, { sessionId }) => consultations.reportMediaFailure(principal, sessionId),
});
