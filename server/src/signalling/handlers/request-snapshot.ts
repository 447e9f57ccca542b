import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { RequestSnapshotPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const requestSnapshot = defineHandler({
  event: 'requestSnapshot',
  schema: RequestSnapshotPayload,
  roles: SOCKET_PERMISSIONS.requestSnapshot,
  run: async ({ principal, inCall }, { sessionId }) => inCall.requestSnapshot(principal, sessionId),
});
