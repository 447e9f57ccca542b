import { peerRoleOf } from '../../domain/peer-identity';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler('getServerInfo', {
  run: async ({ principal, sfu, cluster, buildId }) => ({
    role: peerRoleOf(principal),
    displayName: principal.displayName,
    buildId,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
    media: sfu.mediaPath,
    ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
    // A kiosk or a desk whose node stops goes on through another node (a guest's link names one node).
    ...(principal.role === 'guest' ? {} : { nodeUrls: cluster.nodeUrls() }),
  }),
});
