import { SendMessagePayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const sendMessage = defineHandler({
  event: 'sendMessage',
  schema: SendMessagePayload,
  roles: ['kiosk', 'staff', 'admin'],
  run: async ({ principal, inCall }, { sessionId, text }) => inCall.sendMessage(principal, sessionId, text),
});
