import { defineHandler } from '../signalling-types';

export const submitSurvey = defineHandler('submitSurvey', {
  run: async ({ principal, consultations }, { consultationId, rating }) => {
    await consultations.submitSurvey(principal.id, consultationId, rating);
    return null;
  },
});
