import { SOCKET_PERMISSIONS } from '../../contract/socket-permissions';
import { ResumeCallPayload } from '../../contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const resumeCall = defineHandler({
  event: 'resumeCall',
  schema: ResumeCallPayload,
  roles: SOCKET_PERMISSIONS.resumeCall,
  // The call may be held here, by another node (a desk's call is held by its kiosk's node; a
  // kiosk's, after a failover, by the node that took it over), or by a node that stopped:
  // then this node takes it over (see docs/reliability.md).
  run: async ({ principal, consultations, cluster }, { sessionId }) => {
    const live =
      consultations.liveCallOf(principal) ??
      (await cluster.findCallElsewhere(principal)) ??
      (sessionId && principal.role !== 'guest' ? await consultations.adoptOrphan(principal, sessionId) : null);
    const ended = sessionId && live?.sessionId !== sessionId ? await consultations.recordedEnd(principal, sessionId) : null;
    const unrecorded = !live && principal.role !== 'kiosk' ? await consultations.unrecordedCallOf(principal) : null;
    return { live, ended, unrecorded };
  },
});
