import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { EmptyPayload } from '@madoguchi/contract/signalling-schemas';
import { queueVisibleTo } from '../../domain/queue-scope';
import { defineHandler } from '../signalling-types';

export const getQueue = defineHandler({
  event: 'getQueue',
  schema: EmptyPayload,
  roles: SOCKET_PERMISSIONS.getQueue,
  run: async ({ cluster, principal }) => queueVisibleTo(principal, cluster.queue()),
});
