import { defineHandler } from '../signalling-types';

export const transferCall = defineHandler('transferCall', {
  run: ({ principal, consultations }, { sessionId, departmentId }) => consultations.transfer(principal, sessionId, departmentId),
});
