import { defineHandler } from '../signalling-types';

export const produce = defineHandler('produce', {
  run: ({ principal, consultations }, payload) => consultations.produce(principal, payload),
});
