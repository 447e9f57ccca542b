import { SessionPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const acceptCall = defineHandler({
  event: 'acceptCall',
  schema: SessionPayload,
  roles: ['staff', 'admin'],
  run: ({ principal, consultations }, { sessionId }) => consultations.accept(principal, sessionId),
});
