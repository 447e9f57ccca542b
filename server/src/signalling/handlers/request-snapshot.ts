import { RequestSnapshotPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const requestSnapshot = defineHandler({
  event: 'requestSnapshot',
  schema: RequestSnapshotPayload,
  roles: ['staff', 'admin'],
  run: async ({ principal, inCall }, { sessionId }) => inCall.requestSnapshot(principal, sessionId),
});
