import { defineHandler } from '../signalling-types';

export const pointer = defineHandler('pointer', {
  run: async ({ principal, inCall }, { consultationId, marks }) => {
    inCall.pointer(principal, consultationId, marks);
    return null;
  },
});
