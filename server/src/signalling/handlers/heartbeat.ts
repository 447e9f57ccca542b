import { defineHandler } from '../signalling-types';

export const heartbeat = defineHandler('heartbeat', {
  run: async ({ principal, presence }) => {
    await presence.kioskAlive(principal.id);
    return null;
  },
});
