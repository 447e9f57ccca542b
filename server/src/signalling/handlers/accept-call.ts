import { defineHandler } from '../signalling-types';

export const acceptCall = defineHandler('acceptCall', {
  run: ({ principal, placement }, { sessionId }) => placement.accept(principal, sessionId),
});
