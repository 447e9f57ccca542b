import type { GuestCallRequestName } from '../call-types';
import type { RequestPayload, RequestResult } from '../signalling';
import { CallClient, NEW_CALL } from './call-client';

/** A guest (an interpreter, another department) in the one call their single-use link was made for: no queue, no accept. */
export class GuestCallClient extends CallClient {
  protected readonly role = 'guest';

  /** Join the call the link was made for. */
  async joinAsGuest(consultationId: string): Promise<void> {
    this.assertConnected();
    const call = this.beginCall({ ...NEW_CALL, consultationId, answered: true }, 'answered');
    await this.room.join(call);
  }

  /** An in-call request of a guest's page (a captioner's typing, the captions so far). */
  sendGuestCallRequest<E extends GuestCallRequestName>(event: E, payload: RequestPayload<E>): Promise<RequestResult<E>> {
    this.assertConnected();
    return this.callRequest(this.active, event, payload);
  }

  /** Leave the call. */
  hangUp(): Promise<void> {
    return this.hangUpCall(false);
  }
}
