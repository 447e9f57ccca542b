import { createLogger } from '../../logging/logger';
import { defineHandler } from '../signalling-types';

const log = createLogger('accept-call');

export const acceptCall = defineHandler('acceptCall', {
  run: async ({ principal, socketId, placement, consultations, forms, afterAck }, { consultationId, join }) => {
    const accepted = await placement.accept(principal, consultationId);
    // A call held by another node is joined there, through the desk's link to it.
    if (!join || accepted.mediaNodeUrl !== null) return accepted;
    // The accept has won: the desk may join now, and saves the joinRoom round trip.
    try {
      const { afterAck: offerExistingMedia, ...joined } = await consultations.join(principal, socketId, { consultationId, rtpCapabilities: join.rtpCapabilities });
      // What joinRoom does after its ack, the same here.
      afterAck(offerExistingMedia);
      afterAck(() => forms.reshowOpen(principal, consultationId));
      return { ...accepted, join: joined };
    } catch (error) {
      // The accept stands; the desk joins with joinRoom as it would without `join`.
      log.warn({ err: error, consultationId }, 'joining with the accept failed');
      return accepted;
    }
  },
});
