import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guestOffersReload, type GuestPhase } from '../../../../client/src/features/guest/guest-release';

const upgraded = { pageBuildId: 'release-1', serverBuildId: 'release-2', callState: 'idle' };

describe('the guest page offers 「新しい版があります」 only where a reload helps', () => {
  it('while joining or after a failed join, once the server runs another release', () => {
    for (const phase of ['connecting', 'failed'] as const) {
      assert.equal(guestOffersReload(phase, upgraded), true, phase);
      assert.equal(guestOffersReload(phase, { ...upgraded, serverBuildId: 'release-1' }), false, `${phase}, same release`);
    }
  });

  it('never during the call, nor after it (the link is spent)', () => {
    assert.equal(guestOffersReload('connecting', { ...upgraded, callState: 'inCall' }), false, 'a call starting or running');
    for (const phase of ['joined', 'left', 'ended'] satisfies GuestPhase[]) assert.equal(guestOffersReload(phase, upgraded), false, phase);
  });
});
