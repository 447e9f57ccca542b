import { defineHandler } from '../signalling-types';

export const resumeCall = defineHandler('resumeCall', {
  run: async ({ principal, consultations, placement }, { consultationId }) => {
    const live = await placement.resume(principal, consultationId);
    const ended = consultationId && live?.consultationId !== consultationId ? await consultations.recordedEnd(principal, consultationId) : null;
    const unrecorded = !live && principal.role !== 'kiosk' ? await consultations.unrecordedCallOf(principal) : null;
    return { live, ended, unrecorded };
  },
});
