import { defineHandler } from '../signalling-types';

export const resumeCall = defineHandler('resumeCall', {
  run: async ({ principal, consultations, placement }, { consultationId }) => {
    const live = await placement.resume(principal, consultationId);
    const ended = consultationId && live?.consultationId !== consultationId ? await consultations.recordedEnd(principal, consultationId) : null;
    const unrecorded = !live && principal.role !== 'kiosk' ? await consultations.unrecordedCallOf(principal) : null;
    // A kiosk reloaded while its resident waits has lost what the last forecast said (nobody can
    // answer, the town's phone, 「この窓口で予約する」): say it again now, not at the queue's next change.
    // The round reads presence first, so its event follows this answer.
    if (principal.role === 'kiosk' && live?.state === 'queued') consultations.refreshLocalForecasts();
    return { live, ended, unrecorded };
  },
});
