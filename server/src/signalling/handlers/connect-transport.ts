import { defineHandler } from '../signalling-types';

export const connectTransport = defineHandler('connectTransport', {
  run: async ({ principal, consultations }, { consultationId, transportId, dtlsParameters }) => {
    await consultations.connectTransport(principal, consultationId, transportId, dtlsParameters);
    return null;
  },
});
