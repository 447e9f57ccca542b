import { defineHandler } from '../signalling-types';

export const answerSnapshot = defineHandler('answerSnapshot', {
  run: async ({ principal, inCall }, { sessionId, requestId, consent }) => {
    inCall.answerSnapshot(principal, sessionId, requestId, consent);
    return null;
  },
});
