import { defineHandler } from '../signalling-types';

export const connectTransport = defineHandler('connectTransport', {
  run: async ({ principal, socketId, consultations }, { consultationId, transportId, dtlsParameters }) => {
    await consultations.connectTransport(principal, socketId, consultationId, transportId, dtlsParameters);
    return null;
  },
});
