import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdoptedCall, ClosedOrphan } from '../../../../../server/src/db/repositories/server-node-repository';
import { WALK_IN } from '../../../../../server/src/domain/consultation';
import { KIOSK, STAFF_A, settle, world } from './consultation-fakes';

const adopted: AdoptedCall = {
  id: 'lost-1',
  fromNodeId: 'node-b',
  lastBeatAt: new Date('2026-12-04T01:05:00Z'),
  kiosk: { id: 'k1', name: '中央図書館', location: '1F' },
  staff: { id: 'a', displayName: '佐藤' },
  queuedAt: new Date('2026-12-04T01:00:00Z'),
  ...WALK_IN,
};

/** A node store whose only lost call is `lost-1`, taken over by the first node that asks. */
function nodesWithOneLostCall() {
  let taken = false;
  return {
    closeOwnOrphans: async () => [],
    closeOrphan: async () => null,
    adoptOrphan: async () => {
      if (taken) return null;
      taken = true;
      return adopted;
    },
    isOpen: async () => !taken,
    strandedCallOf: async (participantId: string) => (participantId === 'a' && !taken ? 'lost-1' : null),
  };
}

describe('ConsultationService on fakes: calls of a lost node', () => {
  it('the kiosk of an answered call of a lost node takes it over here: same consultation, a new room, the desk is told where to go', async () => {
    const w = world({ nodes: nodesWithOneLostCall(), failoverMs: 10_000 });
    const live = await w.service.adoptOrphan(KIOSK, 'lost-1');
    assert.equal(live?.consultationId, 'lost-1');
    assert.equal(live?.state, 'active');
    assert.equal(live?.peerName, '佐藤');
    assert.ok(w.sfu.getRoom('lost-1'));
    assert.deepEqual(w.of('toPeers')[0]?.slice(0, 2), [['staff:a'], 'callMoved']);
    // The desk arrives and the call goes on as any other.
    assert.equal(w.service.requireActiveParticipant(STAFF_A, 'lost-1').id, 'lost-1');
    await w.service.hangUp(STAFF_A, 'lost-1');
    assert.deepEqual(w.records.ends(), ['markEnded lost-1 staff_ended']);
  });

  it('no media room can be built for a call taken over: it ends as node_lost instead of hanging', async () => {
    const w = world({ nodes: nodesWithOneLostCall(), failoverMs: 10_000 });
    w.sfu.failCreates = 1;
    const answer = await Promise.race([
      w.service.adoptOrphan(KIOSK, 'lost-1'),
      // Not unref'd: a stuck take-over must fail this test, not end the process early.
      new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 2_000)),
    ]);
    assert.equal(answer, null);
    assert.deepEqual(w.records.ends(), ['markEnded lost-1 node_lost']);
    assert.equal(w.service.has('lost-1'), false);
    assert.deepEqual(w.of('callEnded')[0]?.slice(0, 3), ['lost-1', ['kiosk:k1', 'staff:a'], 'node_lost']);
  });

  it('a desk that no longer knows the call\'s id (reloaded on another node) takes its stranded call over from the record', async () => {
    const w = world({ nodes: nodesWithOneLostCall(), failoverMs: 10_000 });
    assert.equal(await w.service.adoptStrandedOf(KIOSK), null, 'not the kiosk\'s in this store');
    const live = await w.service.adoptStrandedOf(STAFF_A);
    assert.deepEqual([live?.consultationId, live?.state, live?.peerName], ['lost-1', 'active', '中央図書館']);
  });

  it('the node holding answered calls stopped: their kiosk and desk are told once, with the grace left; calls held here are not', async () => {
    const w = world({ nodes: nodesWithOneLostCall(), failoverMs: 10_000 });
    const stranded = [
      { id: 'lost-1', kioskId: 'k1', staffId: 'a', secondsLeft: 8.04 },
      { id: 'lost-2', kioskId: 'k2', staffId: 'b', secondsLeft: 2 },
    ];
    w.service.announceStranded(stranded);
    w.service.announceStranded(stranded);
    assert.deepEqual(
      w.of('toPeers').map((args) => args.slice(0, 3)),
      [
        [['staff:a', 'kiosk:k1'], 'holderLost', { consultationId: 'lost-1', secondsLeft: 8 }],
        [['staff:b', 'kiosk:k2'], 'holderLost', { consultationId: 'lost-2', secondsLeft: 2 }],
      ],
    );
    await w.service.adoptOrphan(KIOSK, 'lost-1');
    const before = w.of('toPeers').length;
    // lost-2 dropped out of the list (ended or moved) and came back: told again; lost-1 is held here now.
    w.service.announceStranded([stranded[0]!]);
    w.service.announceStranded(stranded);
    assert.deepEqual(w.of('toPeers').slice(before).map((args) => [args[1], (args[2] as { consultationId: string }).consultationId]), [['holderLost', 'lost-2']]);
  });

  it('with failover off (0), nothing is taken over', async () => {
    const w = world({ nodes: nodesWithOneLostCall(), failoverMs: 0 });
    assert.equal(await w.service.adoptOrphan(KIOSK, 'lost-1'), null);
    assert.equal(w.sfu.created.length, 0);
  });

  it('closed calls of a stopped node are told to their kiosk and desk, and booked ones make the appointments reconcile', async () => {
    const w = world();
    const closed: ClosedOrphan[] = [
      { id: 'x1', kioskId: 'k1', staffId: 'a', appointmentId: null, endedAt: new Date(), reason: 'node_lost' },
      { id: 'x2', kioskId: 'k2', staffId: null, appointmentId: 'ap1', endedAt: new Date(), reason: 'node_lost' },
    ];
    w.service.announceClosed(closed);
    await settle();
    assert.deepEqual(
      w.of('callEnded').map((args) => args.slice(0, 3)),
      [
        ['x1', ['kiosk:k1', 'staff:a'], 'node_lost'],
        ['x2', ['kiosk:k2'], 'node_lost'],
      ],
    );
    assert.deepEqual(w.appointments, ['reconcile']);
  });
});
