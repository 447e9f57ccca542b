import { defineHandler } from '../signalling-types';

export const transferCall = defineHandler('transferCall', {
  run: ({ principal, consultations }, { consultationId, departmentId }) => consultations.transfer(principal, consultationId, departmentId),
});
