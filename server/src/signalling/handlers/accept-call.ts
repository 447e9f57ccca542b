import { createLogger } from '../../logging/logger';
import { defineHandler } from '../signalling-types';
import { joinAndFollowUp } from './join-room';

const log = createLogger('accept-call');

export const acceptCall = defineHandler('acceptCall', {
  run: async (context, { consultationId, join }) => {
    const accepted = await context.placement.accept(context.principal, consultationId);
    // A call held by another node is joined there, through the desk's link to it.
    if (!join || accepted.mediaNodeUrl !== null) return accepted;
    // The accept has won: the desk may join now, and saves the joinRoom round trip.
    try {
      return { ...accepted, join: await joinAndFollowUp(context, { consultationId, rtpCapabilities: join.rtpCapabilities }, { withAccept: true }) };
    } catch (error) {
      // The accept stands; the desk joins with joinRoom as it would without `join`.
      log.warn({ err: error, consultationId }, 'joining with the accept failed');
      return accepted;
    }
  },
});
