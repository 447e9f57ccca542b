import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ProducePayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const produce = defineHandler({
  event: 'produce',
  schema: ProducePayload,
  roles: SOCKET_PERMISSIONS.produce,
  run: ({ principal, consultations }, payload) => consultations.produce(principal, payload),
});
