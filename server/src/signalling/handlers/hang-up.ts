import { HangUpPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler({
  event: 'hangUp',
  schema: HangUpPayload,
  roles: ['kiosk', 'staff', 'admin'],
  run: async ({ principal, consultations }, { sessionId }) => {
    await consultations.hangUp(principal, sessionId);
    return null;
  },
});
