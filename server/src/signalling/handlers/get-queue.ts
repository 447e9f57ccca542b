import { queueVisibleTo } from '../../domain/queue-scope';
import { defineHandler } from '../signalling-types';

export const getQueue = defineHandler('getQueue', {
  run: async ({ cluster, principal }) => queueVisibleTo(principal, cluster.queue()),
});
