import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SubmitSurveyPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const submitSurvey = defineHandler({
  event: 'submitSurvey',
  schema: SubmitSurveyPayload,
  roles: SOCKET_PERMISSIONS.submitSurvey,
  run: async ({ principal, consultations }, { sessionId, rating }) => {
    await consultations.submitSurvey(principal.id, sessionId, rating);
    return null;
  },
});
