import { defineHandler } from '../signalling-types';

export const connectTransport = defineHandler('connectTransport', {
  run: async ({ principal, consultations }, { sessionId, transportId, dtlsParameters }) => {
    await consultations.connectTransport(principal, sessionId, transportId, dtlsParameters);
    return null;
  },
});
