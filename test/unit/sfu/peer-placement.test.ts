import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leastLoadedOf, placePeer } from '../../../sfu/src/workers/peer-placement';

interface Slot {
  name: string;
  peers: number;
  rooms: number;
}

const slot = (name: string, peers: number, rooms = 0): Slot => Object.freeze({ name, peers, rooms });

describe('leastLoadedOf()', () => {
  it('picks the worker with the fewest peers, not the fewest rooms', () => {
    const busy = slot('busy', 6, 1);
    const light = slot('light', 2, 2);
    assert.equal(leastLoadedOf([busy, light]), light);
  });

  it('breaks a tie in peers by rooms, then keeps the first', () => {
    assert.equal(leastLoadedOf([slot('a', 2, 2), slot('b', 2, 1), slot('c', 2, 1)])?.name, 'b');
  });

  it('returns undefined when there is no worker', () => {
    assert.equal(leastLoadedOf([]), undefined);
  });
});

describe('placePeer()', () => {
  it('keeps the peer on the home worker while it is below the limit, even if another is emptier', () => {
    const home = slot('home', 2);
    const live = [home, slot('empty', 0)];
    assert.equal(placePeer({ home, live, limit: 3 }), home);
  });

  it('sends the peer to the least-loaded other worker below the limit once home is full', () => {
    const home = slot('home', 3);
    const live = [home, slot('fuller', 2), slot('lighter', 1), slot('full', 3)];
    assert.equal(placePeer({ home, live, limit: 3 }).name, 'lighter');
  });

  it('keeps the peer home when every other worker is full too', () => {
    const home = slot('home', 5);
    assert.equal(placePeer({ home, live: [home, slot('other', 3)], limit: 3 }), home);
  });

  it('keeps the peer home when home is the only live worker', () => {
    const home = slot('home', 1);
    assert.equal(placePeer({ home, live: [home], limit: 1 }), home);
  });
});
