import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { RequestSnapshotPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const requestSnapshot = defineHandler({
  event: 'requestSnapshot',
  schema: RequestSnapshotPayload,
  roles: SOCKET_PERMISSIONS.requestSnapshot,
  run: async ({ principal, inCall }, { sessionId }) => inCall.requestSnapshot(principal, sessionId),
});
