import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ProducerPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const closeProducer = defineHandler({
  event: 'closeProducer',
  schema: ProducerPayload,
  roles: SOCKET_PERMISSIONS.closeProducer,
  run: async ({ principal, consultations }, { sessionId, producerId }) => {
    await consultations.closeProducer(principal, sessionId, producerId);
    return null;
  },
});
