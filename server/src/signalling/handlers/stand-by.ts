import { defineHandler } from '../signalling-types';

/** The console stands by for the resident at the head of its queue, or stops (desk-standby.ts). */
export const standBy = defineHandler('standBy', {
  run: ({ principal, socketId, consultations }, payload) => consultations.standBy(principal, socketId, payload),
});
