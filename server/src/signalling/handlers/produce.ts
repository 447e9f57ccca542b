import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { ProducePayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const produce = defineHandler({
  event: 'produce',
  schema: ProducePayload,
  roles: SOCKET_PERMISSIONS.produce,
  run: ({ principal, consultations }, payload) => consultations.produce(principal, payload),
});
