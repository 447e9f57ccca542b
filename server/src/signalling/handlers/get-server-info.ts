import { peerRoleOf } from '../../domain/peer-identity';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler('getServerInfo', {
  run: async ({ principal, sfu, cluster }) => ({
    role: peerRoleOf(principal),
    displayName: principal.displayName,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
    media: sfu.mediaPath,
    ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
    // A kiosk or a desk whose node stops goes on through another node (a guest's link names one node).
    ...(principal.role === 'guest' ? {} : { nodeUrls: cluster.nodeUrls() }),
  }),
});
