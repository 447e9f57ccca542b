import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { AnswerSnapshotPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const answerSnapshot = defineHandler({
  event: 'answerSnapshot',
  schema: AnswerSnapshotPayload,
  roles: SOCKET_PERMISSIONS.answerSnapshot,
  run: async ({ principal, inCall }, { sessionId, requestId, consent }) => {
    inCall.answerSnapshot(principal, sessionId, requestId, consent);
    return null;
  },
});
