import { TransferPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const transferCall = defineHandler({
  event: 'transferCall',
  schema: TransferPayload,
  roles: ['staff', 'admin'],
  run: ({ principal, consultations }, { sessionId, departmentId }) => consultations.transfer(principal, sessionId, departmentId),
});
