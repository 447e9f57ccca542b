import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { CheckInPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const checkIn = defineHandler({
  event: 'checkIn',
  schema: CheckInPayload,
  roles: SOCKET_PERMISSIONS.checkIn,
  run: ({ principal, consultations }, { code, language }) => consultations.checkIn(principal.id, code, language),
});
