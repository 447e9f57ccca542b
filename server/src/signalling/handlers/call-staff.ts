import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { CallStaffPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const callStaff = defineHandler({
  event: 'callStaff',
  schema: CallStaffPayload,
  roles: SOCKET_PERMISSIONS.callStaff,
  run: ({ principal, consultations }, payload) => consultations.callStaff(principal.id, payload),
});
