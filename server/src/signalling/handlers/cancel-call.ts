import { SessionPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const cancelCall = defineHandler({
  event: 'cancelCall',
  schema: SessionPayload,
  roles: ['kiosk'],
  run: async ({ principal, consultations }, { sessionId }) => {
    await consultations.cancel(principal, sessionId);
    return null;
  },
});
