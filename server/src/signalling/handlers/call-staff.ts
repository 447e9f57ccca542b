import { EmptyPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const callStaff = defineHandler({
  event: 'callStaff',
  schema: EmptyPayload,
  roles: ['kiosk'],
  run: ({ principal, consultations }) => consultations.callStaff(principal.id),
});
