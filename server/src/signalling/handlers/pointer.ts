import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { PointerPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const pointer = defineHandler({
  event: 'pointer',
  schema: PointerPayload,
  roles: SOCKET_PERMISSIONS.pointer,
  run: async ({ principal, inCall }, { sessionId, marks }) => {
    inCall.pointer(principal, sessionId, marks);
    return null;
  },
});
