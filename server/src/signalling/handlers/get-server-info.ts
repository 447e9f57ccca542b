import { peerRoleOf } from '../../domain/peer-identity';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler('getServerInfo', {
  run: async ({ principal, sfu }) => ({
    role: peerRoleOf(principal),
    displayName: principal.displayName,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
    media: sfu.mediaPath,
    ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
  }),
});
