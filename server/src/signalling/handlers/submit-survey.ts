import { defineHandler } from '../signalling-types';

export const submitSurvey = defineHandler('submitSurvey', {
  run: async ({ principal, consultations }, { sessionId, rating }) => {
    await consultations.submitSurvey(principal.id, sessionId, rating);
    return null;
  },
});
