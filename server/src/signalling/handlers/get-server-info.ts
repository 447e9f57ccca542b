import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { EmptyPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler({
  event: 'getServerInfo',
  schema: EmptyPayload,
  roles: SOCKET_PERMISSIONS.getServerInfo,
  run: async ({ principal, sfu }) => ({
    role: principal.role === 'kiosk' ? ('kiosk' as const) : principal.role === 'guest' ? ('guest' as const) : ('staff' as const),
    displayName: principal.displayName,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
  }),
});
