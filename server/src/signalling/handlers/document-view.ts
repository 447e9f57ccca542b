import { defineHandler } from '../signalling-types';

export const documentView = defineHandler('documentView', {
  run: async ({ principal, inCall }, { consultationId, shown }) => {
    inCall.documentView(principal, consultationId, shown);
    return null;
  },
});
