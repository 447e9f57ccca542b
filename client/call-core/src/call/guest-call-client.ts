import { CallClient, NEW_CALL } from './call-client';

/** A guest (an interpreter, another department) in the one call their single-use link was made for: no queue, no accept. */
export class GuestCallClient extends CallClient {
  protected readonly role = 'guest';

  /** Join the call the link was made for. */
  async joinAsGuest(sessionId: string): Promise<void> {
    this.assertConnected();
    const call = this.beginCall({ ...NEW_CALL, sessionId, answered: true }, 'answered');
    await this.room.join(call);
  }

  /** Leave the call. */
  hangUp(): Promise<void> {
    return this.hangUpCall(false);
  }
}
