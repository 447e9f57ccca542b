import { CallStaffPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const callStaff = defineHandler({
  event: 'callStaff',
  schema: CallStaffPayload,
  roles: ['kiosk'],
  run: ({ principal, consultations }, payload) => consultations.callStaff(principal.id, payload),
});
