import { AnswerSnapshotPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const answerSnapshot = defineHandler({
  event: 'answerSnapshot',
  schema: AnswerSnapshotPayload,
  roles: ['kiosk'],
  run: async ({ principal, inCall }, { sessionId, requestId, consent }) => {
    inCall.answerSnapshot(principal, sessionId, requestId, consent);
    return null;
  },
});
