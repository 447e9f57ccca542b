import { peerRoleOf } from '../../domain/peer-identity';
import { defineHandler } from '../signalling-types';

export const getServerInfo = defineHandler('getServerInfo', {
  run: async ({ principal, sfu, cluster }) => ({
    role: peerRoleOf(principal),
    displayName: principal.displayName,
    routerRtpCapabilities: sfu.routerRtpCapabilities,
    media: sfu.mediaPath,
    ...(principal.guestKind ? { guestKind: principal.guestKind } : {}),
    // Only a kiosk moves to another node by itself; a desk follows its call (callMoved).
    ...(principal.role === 'kiosk' ? { nodeUrls: cluster.nodeUrls() } : {}),
  }),
});
