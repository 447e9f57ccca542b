import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { AppError } from '../../../../../server/src/domain/app-error';
import { GRACE_MS, KIOSK, RTP_CAPS, STAFF_A, STAFF_B, activeCall, gate, settle, useFakeClock, world } from './consultation-fakes';

const codeOf = (error: unknown): string | undefined => (error instanceof AppError ? error.code : undefined);

describe('ConsultationService on fakes: accepting', () => {
  useFakeClock();

  it('two staff accepting at once: one wins, the other hears ALREADY_TAKEN without touching the record', async () => {
    const w = world();
    const { sessionId } = await w.service.callStaff('k1');
    // The first answer waits at the database, so the second arrives while it is under way.
    const held = gate();
    w.records.answerGate = held.promise;
    const first = w.service.accept(STAFF_A, sessionId);
    const second = w.service.accept(STAFF_B, sessionId);
    await settle();
    held.open();
    const results = await Promise.allSettled([first, second]);
    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status, 'rejected');
    assert.equal(codeOf((results[1] as PromiseRejectedResult).reason), 'ALREADY_TAKEN');
    // The lock on the consultation refused the second one in memory: one answer write, one room.
    assert.deepEqual(w.records.calls.filter((c) => c.startsWith('markAnswered')), [`markAnswered ${sessionId} a`]);
    assert.equal(w.sfu.created.length, 1);
    assert.equal(w.of('callAccepted').length, 1);
    assert.deepEqual(w.service.liveCounts(), { queued: 0, active: 1 });
  });

  it('a member of another department may not answer; the resident stays queued', async () => {
    const w = world();
    const { sessionId } = await w.service.callStaff('k1', { departmentId: 'tax' });
    await assert.rejects(w.service.accept({ ...STAFF_A, departmentIds: ['welfare'] }, sessionId), (e) => codeOf(e) === 'FORBIDDEN');
    assert.equal(w.service.queue().length, 1);
    await w.service.accept({ ...STAFF_B, departmentIds: ['tax'] }, sessionId);
    assert.equal(w.service.queue().length, 0);
  });

  it('a kiosk that calls again while waiting keeps its one place in the queue', async () => {
    const w = world();
    const first = await w.service.callStaff('k1');
    await w.service.callStaff('k2');
    const again = await w.service.callStaff('k1');
    assert.deepEqual(again, first);
    assert.equal(w.service.queue().length, 2);
    assert.equal(w.records.calls.filter((c) => c.startsWith('createQueued')).length, 2);
  });
});

describe('ConsultationService on fakes: presence and the grace period', () => {
  useFakeClock();

  it('a kiosk that reconnects within the grace period keeps the call (reconnected, not ended)', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    assert.deepEqual(w.of('peerLeft'), [[sessionId, 'kiosk']]);
    mock.timers.tick(GRACE_MS - 1);
    await w.service.join(KIOSK, 'kiosk-2', { sessionId, rtpCapabilities: RTP_CAPS as never });
    mock.timers.tick(GRACE_MS * 2);
    await settle();
    assert.deepEqual(w.records.ends(), []);
    assert.deepEqual(w.service.liveCounts(), { queued: 0, active: 1 });
    assert.equal(w.rejoins(), 1);
    assert.ok(w.events.some((e) => e.type === 'reconnected' && e.actor === 'kiosk'));
  });

  it('no reconnect within the grace period: the call ends as network_lost and the desk hears it; a late join is refused', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    mock.timers.tick(GRACE_MS);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} network_lost`]);
    const ended = w.of('callEnded');
    assert.equal(ended.length, 1);
    assert.deepEqual(ended[0]?.slice(0, 3), [sessionId, ['kiosk:k1', 'staff:a'], 'network_lost']);
    assert.ok(w.sfu.room(sessionId).closed);
    await assert.rejects(w.service.join(KIOSK, 'kiosk-2', { sessionId, rtpCapabilities: RTP_CAPS as never }), (e) => codeOf(e) === 'NOT_FOUND');
    assert.deepEqual(await w.service.recordedEnd(KIOSK, sessionId), { sessionId, reason: 'network_lost', answered: true });
  });

  it('the desk hangs up during the kiosk\'s grace period: one end, staff_ended, and the timer does not end it again', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    mock.timers.tick(GRACE_MS / 2);
    await w.service.hangUp(STAFF_A, sessionId);
    mock.timers.tick(GRACE_MS * 2);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} staff_ended`]);
    assert.equal(w.of('callEnded').length, 1);
  });

  it('an old socket going away after its owner joined again on a new one changes nothing', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    await w.service.join(KIOSK, 'kiosk-2', { sessionId, rtpCapabilities: RTP_CAPS as never });
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    mock.timers.tick(GRACE_MS * 2);
    await settle(60);
    assert.deepEqual(w.of('peerLeft'), []);
    assert.deepEqual(w.records.ends(), []);
  });

  it('a waiting kiosk that drops leaves the queue as resident_left after the grace period, unless it comes back', async () => {
    const w = world();
    const first = await w.service.callStaff('k1');
    const second = await w.service.callStaff('k2');
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    w.service.handleDisconnect({ ...KIOSK, id: 'k2' }, 'kiosk-9');
    mock.timers.tick(GRACE_MS / 2);
    // k1's app reloads and asks for its call: it keeps its place and its timer stops.
    assert.equal(w.service.liveCallOf(KIOSK)?.queuePosition, 1);
    mock.timers.tick(GRACE_MS);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${second.sessionId} resident_left`]);
    assert.deepEqual(w.service.queue().map((e) => e.sessionId), [first.sessionId]);
  });

  it('a desk that accepted through another node and never arrives ends the call as network_lost', async () => {
    const w = world();
    const { sessionId } = await w.service.callStaff('k1');
    await w.service.accept(STAFF_A, sessionId);
    w.service.expectRemoteJoin(STAFF_A, sessionId);
    mock.timers.tick(GRACE_MS);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} network_lost`]);
  });

  it('after shutdown a dropped socket starts no grace period, and every call ends once with the given reason', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    const waiting = await w.service.callStaff('k2');
    const stopped = w.service.shutdown('server_restart');
    // The sockets close while the calls are still being ended: nobody is waited for.
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    await stopped;
    mock.timers.tick(GRACE_MS * 2);
    await settle(60);
    assert.deepEqual(w.of('peerLeft'), []);
    assert.deepEqual(w.records.ends().sort(), [`markEnded ${sessionId} server_restart`, `markEnded ${waiting.sessionId} server_restart`].sort());
  });
});

describe('ConsultationService on fakes: ending, transfer, guests, media', () => {
  useFakeClock();

  it('ends once: a hang-up from both sides at once writes one end with the first reason', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    await Promise.all([w.service.hangUp(KIOSK, sessionId), w.service.hangUp(STAFF_A, sessionId).catch(() => undefined)]);
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} resident_left`]);
    assert.equal(w.of('callEnded').length, 1);
    assert.deepEqual(w.service.endedLately(sessionId), { kioskId: 'k1', staffId: 'a' });
  });

  it('only the kiosk may cancel its own wait, and only before the answer', async () => {
    const w = world();
    const { sessionId } = await w.service.callStaff('k1');
    await assert.rejects(w.service.cancel({ ...KIOSK, id: 'k2' }, sessionId), (e) => codeOf(e) === 'FORBIDDEN');
    await w.service.accept(STAFF_A, sessionId);
    await assert.rejects(w.service.cancel(KIOSK, sessionId), (e) => codeOf(e) === 'INVALID_STATE');
  });

  it('a transfer ends the call as transferred without telling the kiosk it ended, and queues it again for the new department', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    const result = await w.service.transfer(STAFF_A, sessionId, 'welfare');
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} transferred`]);
    assert.deepEqual(w.of('callEnded')[0]?.slice(0, 3), [sessionId, ['staff:a'], 'transferred']);
    assert.equal(result.departmentName, '福祉課');
    assert.equal(result.queuePosition, 1);
    const entry = w.service.queue()[0];
    assert.equal(entry?.sessionId, result.newSessionId);
    assert.equal(entry?.departmentId, 'welfare');
    assert.equal(w.records.rows.get(result.newSessionId)?.transferredFrom, sessionId);
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['kiosk:k1'], 'transferred']);
  });

  it('the kiosk cannot transfer, and an unknown department leaves the call as it was', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    await assert.rejects(w.service.transfer(KIOSK, sessionId, 'welfare'), (e) => codeOf(e) === 'FORBIDDEN');
    await assert.rejects(w.service.transfer(STAFF_A, sessionId, 'nowhere'), (e) => codeOf(e) === 'BAD_REQUEST');
    assert.deepEqual(w.records.ends(), []);
  });

  it('a guest who hangs up leaves alone: the call goes on, their link is spent and their socket closed', async () => {
    const links = new Map<string, { id: string; sessionId: string; label: string; kind: 'interpreter'; expiresAt: Date; joinedAt: Date | null; leftAt: Date | null }>();
    const w = world({
      guestLinks: {
        create: async ({ sessionId, label, expiresAt }) => {
          links.set('g1', { id: 'g1', sessionId, label, kind: 'interpreter', expiresAt, joinedAt: null, leftAt: null });
          return 'g1';
        },
        find: async (id) => links.get(id) ?? null,
        markJoined: async () => undefined,
        markLeft: async (id, at) => {
          const link = links.get(id);
          if (link) link.leftAt = at;
        },
      },
    });
    const sessionId = await activeCall(w);
    await assert.rejects(w.service.inviteGuest(KIOSK, sessionId, '通訳', 600), (e) => codeOf(e) === 'FORBIDDEN');
    const { linkId } = await w.service.inviteGuest(STAFF_A, sessionId, '通訳', 600, 'interpreter');
    assert.deepEqual(await w.service.admitGuest(linkId, sessionId), { label: '通訳', kind: 'interpreter' });
    const guest = { role: 'guest' as const, id: linkId, displayName: '通訳', guestKind: 'interpreter' as const };
    await w.service.join(guest, 'guest-1', { sessionId, rtpCapabilities: RTP_CAPS as never });
    await w.service.hangUp(guest, sessionId);
    assert.deepEqual(w.records.ends(), []);
    assert.deepEqual(w.sfu.room(sessionId).removed, [`guest:${linkId}`]);
    assert.deepEqual(w.of('closePeer'), [[`guest:${linkId}`]]);
    // The spent link opens nothing any more.
    await assert.rejects(w.service.admitGuest(linkId, sessionId), (e) => codeOf(e) === 'UNAUTHENTICATED');
  });

  it('media offered by one side reaches the other once it has joined, and is resumed when its client acks', async () => {
    mock.timers.reset();
    const w = world();
    const sessionId = await activeCall(w);
    await w.service.produce(KIOSK, { sessionId, transportId: 't', kind: 'video', source: 'camera', rtpParameters: {} as never });
    await new Promise((resolve) => setImmediate(resolve));
    await settle(40);
    const offered = w.of('requestConsumer');
    assert.equal(offered.length, 1);
    assert.equal(offered[0]?.[0], 'desk-1');
    assert.deepEqual(w.sfu.room(sessionId).resumed, ['c-staff:a-p1']);
  });

  it('a media failure ends the call as media_failed naming who has no media, but not when media flows by now', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    const room = w.sfu.room(sessionId);
    room.flowing.add('kiosk:k1');
    room.flowing.add('staff:a');
    assert.deepEqual(await w.service.reportMediaFailure(STAFF_A, sessionId), { failedRoles: [] });
    assert.deepEqual(w.records.ends(), []);
    room.flowing.delete('kiosk:k1');
    assert.deepEqual(await w.service.reportMediaFailure(STAFF_A, sessionId), { failedRoles: ['kiosk'] });
    assert.deepEqual(w.records.ends(), [`markEnded ${sessionId} media_failed`]);
    assert.equal(w.records.rows.get(sessionId)?.mediaFlag, 'media_failed');
    assert.deepEqual(w.of('callEnded')[0]?.[3], ['kiosk']);
  });

  it('a media worker that dies takes the room; the call gets a new one and its participants are made to reconnect', async () => {
    mock.timers.reset();
    const w = world();
    const sessionId = await activeCall(w);
    w.sfu.killRooms([sessionId]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(w.sfu.created.length, 2);
    assert.equal(w.sfu.getRoom(sessionId), w.sfu.created[1]);
    assert.deepEqual(w.of('dropConnection').map(([socketId]) => socketId).sort(), ['desk-1', 'kiosk-1']);
    assert.ok(w.events.some((e) => e.type === 'media_restarted'));
    assert.deepEqual(w.records.ends(), []);
  });
});

describe('ConsultationService on fakes: draining', () => {
  it('a draining node queues nobody new, and the drain ends when the last call has ended and been written', async () => {
    const w = world();
    const sessionId = await activeCall(w);
    const drained = w.service.drain(60_000);
    await assert.rejects(w.service.callStaff('k2'), (e) => codeOf(e) === 'UNAVAILABLE');
    let done = false;
    void drained.then(() => {
      done = true;
    });
    await settle();
    assert.equal(done, false);
    await w.service.hangUp(STAFF_A, sessionId);
    assert.deepEqual(await drained, { remaining: 0 });
  });
});
