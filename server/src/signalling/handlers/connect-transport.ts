import { ConnectTransportPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const connectTransport = defineHandler({
  event: 'connectTransport',
  schema: ConnectTransportPayload,
  roles: ['kiosk', 'staff', 'admin'],
  run: async ({ principal, consultations }, { sessionId, transportId, dtlsParameters }) => {
    await consultations.connectTransport(principal, sessionId, transportId, dtlsParameters);
    return null;
  },
});
