import { ErrorCode } from '@madoguchi/contract/errors';
import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { HangUpPayload } from '@madoguchi/contract/signalling-schemas';
import { AppError } from '../../domain/app-error';
import { defineHandler } from '../signalling-types';

export const hangUp = defineHandler({
  event: 'hangUp',
  schema: HangUpPayload,
  roles: SOCKET_PERMISSIONS.hangUp,
  // A desk whose socket to the node holding the call is gone hangs up through its own node;
  // if no node holds it any more (the holder stopped), the record is closed from its lease.
  run: async ({ principal, consultations, cluster }, { sessionId, reason }) => {
    if (consultations.has(sessionId)) {
      await consultations.hangUp(principal, sessionId, reason);
      return null;
    }
    try {
      await cluster.hangUpElsewhere(principal, sessionId, reason);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== ErrorCode.NotFound || principal.role === 'guest') throw error;
      await consultations.endOrphan(principal, sessionId);
    }
    return null;
  },
});
