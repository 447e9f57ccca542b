import { defineHandler } from '../signalling-types';

export const acceptCall = defineHandler('acceptCall', {
  run: ({ principal, placement }, { consultationId }) => placement.accept(principal, consultationId),
});
