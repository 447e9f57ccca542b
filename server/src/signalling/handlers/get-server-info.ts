import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { EmptyPayload } from '@madoguchi/contract/signalling-schemas';
import { peerRoleOf } from '../../domain/peer-identity';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler({
  event: 'getServerInfo',
  schema: EmptyPayload,
  roles: SOCKET_PERMISSIONS.getServerInfo,
  run: async ({ principal, sfu }) => ({
    role: peerRoleOf(principal),
    displayName: principal.displayName,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
    media: sfu.mediaPath,
    ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
  }),
});
