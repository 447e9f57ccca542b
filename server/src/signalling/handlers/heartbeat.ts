import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { EmptyPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const heartbeat = defineHandler({
  event: 'heartbeat',
  schema: EmptyPayload,
  roles: SOCKET_PERMISSIONS.heartbeat,
  run: async ({ principal, presence }) => {
    await presence.kioskAlive(principal.id);
    return null;
  },
});
