import { defineHandler } from '../signalling-types';

export const sendMessage = defineHandler('sendMessage', {
  run: async ({ principal, inCall }, { consultationId, text, phraseId }) => inCall.sendMessage(principal, consultationId, text, phraseId),
});
