import { defineHandler } from '../signalling-types';

export const pointer = defineHandler('pointer', {
  run: async ({ principal, inCall }, { sessionId, marks }) => {
    inCall.pointer(principal, sessionId, marks);
    return null;
  },
});
