import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { TransferPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const transferCall = defineHandler({
  event: 'transferCall',
  schema: TransferPayload,
  roles: SOCKET_PERMISSIONS.transferCall,
  run: ({ principal, consultations }, { sessionId, departmentId }) => consultations.transfer(principal, sessionId, departmentId),
});
