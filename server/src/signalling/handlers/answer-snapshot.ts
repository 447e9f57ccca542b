import { defineHandler } from '../signalling-types';

export const answerSnapshot = defineHandler('answerSnapshot', {
  run: async ({ principal, inCall }, { consultationId, requestId, consent }) => {
    inCall.answerSnapshot(principal, consultationId, requestId, consent);
    return null;
  },
});
