import { defineHandler } from '../signalling-types';

export const saveOutcome = defineHandler('saveOutcome', {
  run: ({ principal, outcomes }, payload) => outcomes.save(principal, { ...payload, notes: payload.notes ?? '' }),
});
