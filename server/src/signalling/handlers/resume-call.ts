import { SOCKET_PERMISSIONS } from '@madoguchi/contract/socket-permissions';
import { ResumeCallPayload } from '@madoguchi/contract/signalling-schemas';
import { defineHandler } from '../signalling-types';

export const resumeCall = defineHandler({
  event: 'resumeCall',
  schema: ResumeCallPayload,
  roles: SOCKET_PERMISSIONS.resumeCall,
  // A staff member's call may be held by another node (their kiosk's); a kiosk's is always here.
  run: async ({ principal, consultations, cluster }, { sessionId }) => {
    const live = consultations.liveCallOf(principal) ?? (principal.role === 'kiosk' ? null : await cluster.findCallElsewhere(principal));
    const ended = sessionId && live?.sessionId !== sessionId ? await consultations.recordedEnd(principal, sessionId) : null;
    const unrecorded = !live && principal.role !== 'kiosk' ? await consultations.unrecordedCallOf(principal) : null;
    return { live, ended, unrecorded };
  },
});
