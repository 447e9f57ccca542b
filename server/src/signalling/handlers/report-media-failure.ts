import { defineHandler } from '../signalling-types';

export const reportMediaFailure = defineHandler('reportMediaFailure', {
  run: ({ principal, consultations }, { consultationId }) => consultations.reportMediaFailure(principal, consultationId),
});
