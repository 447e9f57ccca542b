import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseCutOffGuard } from '../../../../server/src/cluster/database-cut-off';
import type { LeaseState } from '../../../../server/src/cluster/node-lease';

const LEASE_MS = 3_000;

function guardWith(lastBeatAgoMs: number, peerJudgedAt: number | null) {
  const lease = { current: 'lapsed' as LeaseState, lastBeatAt: Date.now() - lastBeatAgoMs };
  const cuts: Date[] = [];
  const guard = new DatabaseCutOffGuard({
    lease,
    leaseMs: LEASE_MS,
    peerJudgedSince: (at) => peerJudgedAt !== null && peerJudgedAt >= at,
    onCutOff: (at) => cuts.push(at),
  });
  return { guard, lease, cuts };
}

describe('a node cut off from PostgreSQL (DatabaseCutOffGuard)', () => {
  it('while its lease is current nothing ends, however the beats go', () => {
    const { guard, cuts } = guardWith(LEASE_MS - 500, Date.now());
    guard.check();
    assert.equal(guard.current, 'reached');
    assert.equal(cuts.length, 0);
  });

  it('a lease run out with no other node judging (a general outage, or a lone node) ends nothing', () => {
    const { guard, cuts } = guardWith(LEASE_MS + 2_000, null);
    guard.check();
    assert.equal(guard.current, 'unsure');
    assert.equal(cuts.length, 0);
  });

  it('a judge heard only before the lease ran out does not count: it cannot have swept this node', () => {
    const { guard, cuts } = guardWith(LEASE_MS + 2_000, Date.now() - 2_500);
    guard.check();
    assert.equal(cuts.length, 0);
  });

  it('a lease run out while another node judges: the calls end once, at the last beat; a beat that lands resets it', () => {
    const { guard, lease, cuts } = guardWith(LEASE_MS + 1_000, Date.now());
    const lastBeat = lease.lastBeatAt;
    guard.check();
    guard.check();
    assert.equal(guard.current, 'cut_off');
    assert.deepEqual(cuts, [new Date(lastBeat)]);
    lease.lastBeatAt = Date.now();
    lease.current = 'warming';
    guard.check();
    assert.equal(guard.current, 'reached');
  });
});
