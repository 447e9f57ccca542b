import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { AnswerSnapshotPayload } from '@madoguchi/contract/signalling-schemas';
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
