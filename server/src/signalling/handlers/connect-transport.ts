import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ConnectTransportPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const connectTransport = defineHandler({
  event: 'connectTransport',
  schema: ConnectTransportPayload,
  roles: SOCKET_PERMISSIONS.connectTransport,
  run: async ({ principal, consultations }, { sessionId, transportId, dtlsParameters }) => {
    await consultations.connectTransport(principal, sessionId, transportId, dtlsParameters);
    return null;
  },
});
