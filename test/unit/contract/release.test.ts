// When a page reloads for a new server release (server/contract/src/release.ts): the kiosk only
// on its idle screen with nobody at it and never in a loop; the staff console never in a call.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  KIOSK_RELOAD_QUIET_MS,
  RELEASE_RELOAD_MIN_INTERVAL_MS,
  isNewRelease,
  shouldKioskReload,
  shouldOfferReload,
  type KioskReloadInput,
} from '@madoguchi/contract/release';

const NOW = 1_800_000_000_000;
const idleKiosk: KioskReloadInput = {
  pageBuildId: 'a1',
  serverBuildId: 'b2',
  state: 'idle',
  busy: false,
  quietMs: KIOSK_RELOAD_QUIET_MS,
  lastReloadAt: null,
  now: NOW,
};

describe('isNewRelease', () => {
  it('is a new release only when both ids are known and differ', () => {
    assert.equal(isNewRelease('a1', 'b2'), true);
    assert.equal(isNewRelease('a1', 'a1'), false);
    assert.equal(isNewRelease(null, 'b2'), false, 'a page that never connected has nothing to compare');
    assert.equal(isNewRelease('a1', undefined), false, 'a server that predates build ids');
    assert.equal(isNewRelease('a1', null), false);
    assert.equal(isNewRelease('a1', ''), false);
  });
});

describe('shouldKioskReload', () => {
  it('reloads an idle kiosk nobody has touched for a while, when the release changed', () => {
    assert.equal(shouldKioskReload(idleKiosk), true);
  });

  it('does not reload for the same release', () => {
    assert.equal(shouldKioskReload({ ...idleKiosk, serverBuildId: 'a1' }), false);
  });

  for (const state of ['start', 'checkIn', 'walkIn', 'calling', 'inCall', 'bookHere', 'booked', 'survey', 'ended', 'mediaFailed', 'fault', 'pairing', 'starting']) {
    it(`never reloads in ${state}: someone may be there, or the kiosk is not working`, () => {
      assert.equal(shouldKioskReload({ ...idleKiosk, state }), false);
    });
  }

  it('waits while the idle warning shows or a call is still being torn down', () => {
    assert.equal(shouldKioskReload({ ...idleKiosk, busy: true }), false);
  });

  it('waits until the idle screen has been quiet (a resident may be reaching for it)', () => {
    assert.equal(shouldKioskReload({ ...idleKiosk, quietMs: KIOSK_RELOAD_QUIET_MS - 1 }), false);
    assert.equal(shouldKioskReload({ ...idleKiosk, quietMs: 0 }), false);
  });

  it('reloads at most once per interval (a rolling upgrade must not loop it)', () => {
    assert.equal(shouldKioskReload({ ...idleKiosk, lastReloadAt: NOW - 1_000 }), false);
    assert.equal(shouldKioskReload({ ...idleKiosk, lastReloadAt: NOW - RELEASE_RELOAD_MIN_INTERVAL_MS + 1 }), false);
    assert.equal(shouldKioskReload({ ...idleKiosk, lastReloadAt: NOW - RELEASE_RELOAD_MIN_INTERVAL_MS }), true);
    assert.equal(shouldKioskReload({ ...idleKiosk, lastReloadAt: NOW + 3_600_000 }), true, 'a clock set back does not block it for good');
  });
});

describe('shouldOfferReload (staff console)', () => {
  it('offers the reload outside a call only', () => {
    assert.equal(shouldOfferReload({ pageBuildId: 'a1', serverBuildId: 'b2', callState: 'idle' }), true);
    for (const callState of ['calling', 'joining', 'inCall']) {
      assert.equal(shouldOfferReload({ pageBuildId: 'a1', serverBuildId: 'b2', callState }), false, callState);
    }
    assert.equal(shouldOfferReload({ pageBuildId: 'a1', serverBuildId: 'a1', callState: 'idle' }), false);
  });
});
