import type { JoinRoomPayload } from '@madoguchi/contract/signalling-schemas';
import type { JoinRoomResult } from '@madoguchi/contract/signalling-events';
import { defineHandler, type HandlerContext } from '../signalling-types';

/** Joins the caller into the room and queues what follows a join once the ack is out; acceptCall's join uses it too. */
export async function joinAndFollowUp(
  { principal, socketId, consultations, forms, captions, inCall, afterAck }: HandlerContext,
  payload: JoinRoomPayload,
  options: { withAccept?: boolean } = {},
): Promise<JoinRoomResult> {
  const { afterAck: offerExistingMedia, ...result } = await consultations.join(principal, socketId, payload, options);
  afterAck(offerExistingMedia);
  afterAck(() => forms.reshowOpen(principal, payload.consultationId));
  afterAck(async () => inCall.retellDeviceProblems(principal, payload.consultationId));
  afterAck(async () => captions.captionerMoved(principal, payload.consultationId, socketId));
  return result;
}

export const joinRoom = defineHandler('joinRoom', {
  run: (context, payload) => joinAndFollowUp(context, payload),
});
