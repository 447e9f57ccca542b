import { ProducePayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const produce = defineHandler({
  event: 'produce',
  schema: ProducePayload,
  roles: ['kiosk', 'staff', 'admin'],
  run: ({ principal, consultations }, payload) => consultations.produce(principal, payload),
});
