import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { SendMessagePayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const sendMessage = defineHandler({
  event: 'sendMessage',
  schema: SendMessagePayload,
  roles: SOCKET_PERMISSIONS.sendMessage,
  run: async ({ principal, inCall }, { sessionId, text, phraseId }) => inCall.sendMessage(principal, sessionId, text, phraseId),
});
