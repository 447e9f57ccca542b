import { defineHandler } from '../signalling-types';

export const sendMessage = defineHandler('sendMessage', {
  run: async ({ principal, inCall }, { sessionId, text, phraseId }) => inCall.sendMessage(principal, sessionId, text, phraseId),
});
