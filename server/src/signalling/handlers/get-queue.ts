import { EmptyPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const getQueue = defineHandler({
  event: 'getQueue',
  schema: EmptyPayload,
  roles: ['staff', 'admin'],
  run: async ({ cluster }) => cluster.queue(),
});
