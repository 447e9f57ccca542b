import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { END_REASONS } from '@madoguchi/contract/consultation';
import { transition } from '../../../kiosk/src/visit/kiosk-state';
import type { KioskState } from '../../../kiosk/src/visit/kiosk-state';
import { asksForRating } from '../../../kiosk/src/visit/survey-rule';

describe('kiosk after a reload: the call the server still holds', () => {
  it('an answered call goes from the reloaded page\'s idle (or fault) screen straight back into the call', () => {
    for (const from of [{ name: 'idle' }, { name: 'starting' }, { name: 'fault', fault: 'offline' }] as KioskState[]) {
      assert.deepEqual(transition(from, { type: 'resumed', answered: true, queuePosition: null, staffName: '窓口 花子' }), {
        name: 'inCall',
        staffName: '窓口 花子',
      });
    }
  });

  it('a waiting resident is back on the waiting screen with their place', () => {
    assert.deepEqual(transition({ name: 'idle' }, { type: 'resumed', answered: false, queuePosition: 2, staffName: null }), {
      name: 'calling',
      queuePosition: 2,
      residentName: null,
    });
  });

  it('a page already in the call ignores it', () => {
    const inCall: KioskState = { name: 'inCall', staffName: 'a' };
    assert.equal(transition(inCall, { type: 'resumed', answered: true, queuePosition: null, staffName: 'b' }), inCall);
  });
});

describe('kiosk survey: only a call somebody finished is rated', () => {
  it('asks after a hang-up by either side, never after a cut-off', () => {
    const rated = END_REASONS.filter(asksForRating);
    assert.deepEqual(rated, ['completed', 'resident_left', 'staff_ended']);
    for (const reason of ['network_lost', 'server_restart', 'node_lost', 'transferred'] as const) assert.equal(asksForRating(reason), false, reason);
  });
});
