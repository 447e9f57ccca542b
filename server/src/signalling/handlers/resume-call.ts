import { defineHandler } from '../signalling-types';

export const resumeCall = defineHandler('resumeCall', {
  run: async ({ principal, consultations, placement }, { sessionId }) => {
    const live = await placement.resume(principal, sessionId);
    const ended = sessionId && live?.sessionId !== sessionId ? await consultations.recordedEnd(principal, sessionId) : null;
    const unrecorded = !live && principal.role !== 'kiosk' ? await consultations.unrecordedCallOf(principal) : null;
    return { live, ended, unrecorded };
  },
});
