import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { END_REASONS } from '@madoguchi/contract/consultation';
import { transition } from '../../../kiosk/src/visit/kiosk-state';
import type { KioskState } from '../../../kiosk/src/visit/kiosk-state';
import { asksForRating } from '../../../kiosk/src/visit/survey-rule';

describe('kiosk after a reload: the call the server still holds', () => {
  const ZEIMU = '7c1f9a2d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';

  it('an answered call goes from the reloaded page\'s idle (or fault) screen straight back into the call', () => {
    for (const from of [{ name: 'idle' }, { name: 'starting' }, { name: 'fault', fault: 'offline' }] as KioskState[]) {
      assert.deepEqual(transition(from, { type: 'resumed', answered: true, queuePosition: null, staffName: '窓口 花子', department: null }), {
        name: 'inCall',
        staffName: '窓口 花子',
      });
    }
  });

  it('a waiting resident is back on the waiting screen with their place', () => {
    assert.deepEqual(transition({ name: 'idle' }, { type: 'resumed', answered: false, queuePosition: 2, staffName: null, department: null }), {
      name: 'calling',
      queuePosition: 2,
      residentName: null,
    });
  });

  it('a resident handed over to another department waits for it again, named as before the reload', () => {
    const department = { id: ZEIMU, name: '税務課', transferred: true };
    assert.deepEqual(transition({ name: 'idle' }, { type: 'resumed', answered: false, queuePosition: 1, staffName: null, department }), {
      name: 'calling',
      queuePosition: 1,
      residentName: null,
      transferredTo: { id: ZEIMU, name: '税務課' },
    });
  });

  it('a walk-in waiting for the department they chose keeps it (what 「この窓口で予約する」 would book), not as a handover', () => {
    const department = { id: ZEIMU, name: '税務課', transferred: false };
    assert.deepEqual(transition({ name: 'idle' }, { type: 'resumed', answered: false, queuePosition: 3, staffName: null, department }), {
      name: 'calling',
      queuePosition: 3,
      residentName: null,
      departmentId: ZEIMU,
    });
  });

  it('a page already in the call ignores it', () => {
    const inCall: KioskState = { name: 'inCall', staffName: 'a' };
    assert.equal(transition(inCall, { type: 'resumed', answered: true, queuePosition: null, staffName: 'b', department: null }), inCall);
  });
});

describe('kiosk survey: only a call somebody finished is rated', () => {
  it('asks after a hang-up by either side, never after a cut-off', () => {
    const rated = END_REASONS.filter(asksForRating);
    assert.deepEqual(rated, ['completed', 'resident_left', 'staff_ended']);
    for (const reason of ['network_lost', 'server_restart', 'node_lost', 'transferred'] as const) assert.equal(asksForRating(reason), false, reason);
  });
});
