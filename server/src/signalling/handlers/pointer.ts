import { PointerPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const pointer = defineHandler({
  event: 'pointer',
  schema: PointerPayload,
  roles: ['staff', 'admin'],
  run: async ({ principal, inCall }, { sessionId, marks }) => {
    inCall.pointer(principal, sessionId, marks);
    return null;
  },
});
