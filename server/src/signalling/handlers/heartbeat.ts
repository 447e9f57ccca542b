import { EmptyPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const heartbeat = defineHandler({
  event: 'heartbeat',
  schema: EmptyPayload,
  roles: ['kiosk'],
  run: async ({ principal, presence }) => {
    await presence.kioskAlive(principal.id);
    return null;
  },
});
