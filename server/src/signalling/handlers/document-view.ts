import { defineHandler } from '../signalling-types';

export const documentView = defineHandler('documentView', {
  run: async ({ principal, inCall }, { sessionId, shown }) => {
    inCall.documentView(principal, sessionId, shown);
    return null;
  },
});
