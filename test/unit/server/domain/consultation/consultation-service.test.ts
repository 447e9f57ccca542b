import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { AppError } from '../../../../../server/src/domain/app-error';
import { GRACE_MS, KIOSK, RTP_CAPS, STAFF_A, STAFF_B, activeCall, gate, settle, useFakeClock, world } from './consultation-fakes';

const codeOf = (error: unknown): string | undefined => (error instanceof AppError ? error.code : undefined);

describe('ConsultationService on fakes: accepting', () => {
  useFakeClock();

  it('two staff accepting at once: one wins, the other hears ALREADY_TAKEN without touching the record', async () => {
    const w = world();
    const { consultationId } = await w.service.callStaff('k1');
    // The first answer waits at the database, so the second arrives while it is under way.
    const held = gate();
    w.records.answerGate = held.promise;
    const first = w.service.accept(STAFF_A, consultationId);
    const second = w.service.accept(STAFF_B, consultationId);
    await settle();
    held.open();
    const results = await Promise.allSettled([first, second]);
    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status, 'rejected');
    assert.equal(codeOf((results[1] as PromiseRejectedResult).reason), 'ALREADY_TAKEN');
    // The lock on the consultation refused the second one in memory: one answer write, one room.
    assert.deepEqual(w.records.calls.filter((c) => c.startsWith('markAnswered')), [`markAnswered ${consultationId} a`]);
    assert.equal(w.sfu.created.length, 1);
    assert.equal(w.of('callAccepted').length, 1);
    assert.deepEqual(w.service.liveCounts(), { queued: 0, active: 1 });
  });

  it('a member of another department may not answer; the resident stays queued', async () => {
    const w = world();
    const { consultationId } = await w.service.callStaff('k1', { departmentId: 'tax' });
    await assert.rejects(w.service.accept({ ...STAFF_A, departmentIds: ['welfare'] }, consultationId), (e) => codeOf(e) === 'FORBIDDEN');
    assert.equal(w.service.queue().length, 1);
    await w.service.accept({ ...STAFF_B, departmentIds: ['tax'] }, consultationId);
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
    const consultationId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    assert.deepEqual(w.of('peerLeft'), [[consultationId, 'kiosk']]);
    mock.timers.tick(GRACE_MS - 1);
    await w.service.join(KIOSK, 'kiosk-2', { consultationId, rtpCapabilities: RTP_CAPS as never });
    mock.timers.tick(GRACE_MS * 2);
    await settle();
    assert.deepEqual(w.records.ends(), []);
    assert.deepEqual(w.service.liveCounts(), { queued: 0, active: 1 });
    assert.equal(w.rejoins(), 1);
    assert.ok(w.events.some((e) => e.type === 'reconnected' && e.actor === 'kiosk'));
  });

  it('no reconnect within the grace period: the call ends as network_lost and the desk hears it; a late join is refused', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    mock.timers.tick(GRACE_MS);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} network_lost`]);
    const ended = w.of('callEnded');
    assert.equal(ended.length, 1);
    assert.deepEqual(ended[0]?.slice(0, 3), [consultationId, ['kiosk:k1', 'staff:a'], 'network_lost']);
    assert.ok(w.sfu.room(consultationId).closed);
    await assert.rejects(w.service.join(KIOSK, 'kiosk-2', { consultationId, rtpCapabilities: RTP_CAPS as never }), (e) => codeOf(e) === 'NOT_FOUND');
    assert.deepEqual(await w.service.recordedEnd(KIOSK, consultationId), { consultationId, reason: 'network_lost', answered: true });
  });

  it('the desk hangs up during the kiosk\'s grace period: one end, staff_ended, and the timer does not end it again', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    mock.timers.tick(GRACE_MS / 2);
    await w.service.hangUp(STAFF_A, consultationId);
    mock.timers.tick(GRACE_MS * 2);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} staff_ended`]);
    assert.equal(w.of('callEnded').length, 1);
  });

  it('an old socket going away after its owner joined again on a new one changes nothing', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    await w.service.join(KIOSK, 'kiosk-2', { consultationId, rtpCapabilities: RTP_CAPS as never });
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
    assert.deepEqual(w.records.ends(), [`markEnded ${second.consultationId} resident_left`]);
    assert.deepEqual(w.service.queue().map((e) => e.consultationId), [first.consultationId]);
  });

  it('a desk that accepted through another node and never arrives ends the call as network_lost', async () => {
    const w = world();
    const { consultationId } = await w.service.callStaff('k1');
    await w.service.accept(STAFF_A, consultationId);
    w.service.expectRemoteJoin(STAFF_A, consultationId);
    mock.timers.tick(GRACE_MS);
    await settle(60);
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} network_lost`]);
  });

  it('after shutdown a dropped socket starts no grace period, and every call ends once with the given reason', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    const waiting = await w.service.callStaff('k2');
    const stopped = w.service.shutdown('server_restart');
    // The sockets close while the calls are still being ended: nobody is waited for.
    w.service.handleDisconnect(KIOSK, 'kiosk-1');
    await stopped;
    mock.timers.tick(GRACE_MS * 2);
    await settle(60);
    assert.deepEqual(w.of('peerLeft'), []);
    assert.deepEqual(w.records.ends().sort(), [`markEnded ${consultationId} server_restart`, `markEnded ${waiting.consultationId} server_restart`].sort());
  });
});

describe('ConsultationService on fakes: a call that arrives as the server stops', () => {
  useFakeClock();

  it('a resident queued while the shutdown ran is closed as server_restart and told to try again, so the kiosk can queue after the restart', async () => {
    const w = world();
    // The row is being written when the shutdown starts (the kiosk pressed 職員を呼ぶ just before).
    const writing = gate();
    const createQueued = w.records.createQueued.bind(w.records);
    w.records.createQueued = async (...args) => {
      await writing.promise;
      return createQueued(...args);
    };
    const calling = w.service.callStaff('k1').then(
      () => 'queued',
      (error: unknown) => (error as { code?: string }).code,
    );
    await settle();
    const stopped = w.service.shutdown('server_restart');
    writing.open();
    assert.equal(await calling, 'UNAVAILABLE');
    await stopped;
    await settle();
    const [row] = [...w.records.rows.values()];
    assert.equal(row?.reason, 'server_restart', 'the record is not left open');
    assert.equal(w.service.liveCounts().queued, 0);
  });
});

describe('ConsultationService on fakes: ending, transfer, guests, media', () => {
  useFakeClock();

  it('ends once: a hang-up from both sides at once writes one end with the first reason', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    await Promise.all([w.service.hangUp(KIOSK, consultationId), w.service.hangUp(STAFF_A, consultationId).catch(() => undefined)]);
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} resident_left`]);
    assert.equal(w.of('callEnded').length, 1);
    assert.deepEqual(w.service.endedLately(consultationId), { kioskId: 'k1', staffId: 'a' });
  });

  it('only the kiosk may cancel its own wait, and only before the answer', async () => {
    const w = world();
    const { consultationId } = await w.service.callStaff('k1');
    await assert.rejects(w.service.cancel({ ...KIOSK, id: 'k2' }, consultationId), (e) => codeOf(e) === 'FORBIDDEN');
    await w.service.accept(STAFF_A, consultationId);
    await assert.rejects(w.service.cancel(KIOSK, consultationId), (e) => codeOf(e) === 'INVALID_STATE');
  });

  it('a transfer ends the call as transferred without telling the kiosk it ended, and queues it again for the new department', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    const result = await w.service.transfer(STAFF_A, consultationId, 'welfare');
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} transferred`]);
    assert.deepEqual(w.of('callEnded')[0]?.slice(0, 3), [consultationId, ['staff:a'], 'transferred']);
    assert.equal(result.departmentName, '福祉課');
    assert.equal(result.queuePosition, 1);
    const entry = w.service.queue()[0];
    assert.equal(entry?.consultationId, result.newConsultationId);
    assert.equal(entry?.departmentId, 'welfare');
    assert.equal(w.records.rows.get(result.newConsultationId)?.transferredFrom, consultationId);
    assert.deepEqual(w.of('toPeers').at(-1)?.slice(0, 2), [['kiosk:k1'], 'transferred']);
  });

  it('the kiosk cannot transfer, and an unknown department leaves the call as it was', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    await assert.rejects(w.service.transfer(KIOSK, consultationId, 'welfare'), (e) => codeOf(e) === 'FORBIDDEN');
    await assert.rejects(w.service.transfer(STAFF_A, consultationId, 'nowhere'), (e) => codeOf(e) === 'BAD_REQUEST');
    assert.deepEqual(w.records.ends(), []);
  });

  it('a guest who hangs up leaves alone: the call goes on, their link is spent and their socket closed', async () => {
    const links = new Map<string, { id: string; consultationId: string; label: string; kind: 'interpreter'; expiresAt: Date; joinedAt: Date | null; leftAt: Date | null }>();
    const w = world({
      guestLinks: {
        createWithinCap: async ({ consultationId, label, expiresAt }) => {
          links.set('g1', { id: 'g1', consultationId, label, kind: 'interpreter', expiresAt, joinedAt: null, leftAt: null });
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
    const consultationId = await activeCall(w);
    await assert.rejects(w.service.inviteGuest(KIOSK, consultationId, '通訳', 600), (e) => codeOf(e) === 'FORBIDDEN');
    const { linkId } = await w.service.inviteGuest(STAFF_A, consultationId, '通訳', 600, 'interpreter');
    assert.deepEqual(await w.service.admitGuest(linkId, consultationId), { label: '通訳', kind: 'interpreter' });
    const guest = { role: 'guest' as const, id: linkId, displayName: '通訳', guestKind: 'interpreter' as const };
    await w.service.join(guest, 'guest-1', { consultationId, rtpCapabilities: RTP_CAPS as never });
    await w.service.hangUp(guest, consultationId);
    assert.deepEqual(w.records.ends(), []);
    assert.deepEqual(w.sfu.room(consultationId).removed, [`guest:${linkId}`]);
    assert.deepEqual(w.of('closePeer'), [[`guest:${linkId}`]]);
    // The spent link opens nothing any more.
    await assert.rejects(w.service.admitGuest(linkId, consultationId), (e) => codeOf(e) === 'UNAUTHENTICATED');
  });

  it('media offered by one side reaches the other once it has joined, and is resumed when its client acks', async () => {
    mock.timers.reset();
    const w = world();
    const consultationId = await activeCall(w);
    await w.service.produce(KIOSK, { consultationId, transportId: 't', kind: 'video', source: 'camera', rtpParameters: {} as never });
    await new Promise((resolve) => setImmediate(resolve));
    await settle(40);
    const offered = w.of('requestConsumer');
    assert.equal(offered.length, 1);
    assert.equal(offered[0]?.[0], 'desk-1');
    assert.deepEqual(w.sfu.room(consultationId).resumed, ['c-staff:a-p1']);
  });

  it('a media failure ends the call as media_failed naming who has no media, but not when media flows by now', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    const room = w.sfu.room(consultationId);
    room.flowing.add('kiosk:k1');
    room.flowing.add('staff:a');
    assert.deepEqual(await w.service.reportMediaFailure(STAFF_A, consultationId), { failedRoles: [] });
    assert.deepEqual(w.records.ends(), []);
    room.flowing.delete('kiosk:k1');
    assert.deepEqual(await w.service.reportMediaFailure(STAFF_A, consultationId), { failedRoles: ['kiosk'] });
    assert.deepEqual(w.records.ends(), [`markEnded ${consultationId} media_failed`]);
    assert.equal(w.records.rows.get(consultationId)?.mediaFlag, 'media_failed');
    assert.deepEqual(w.of('callEnded')[0]?.[3], ['kiosk']);
  });

  it('a media worker that dies takes the room; the call gets a new one and its participants are made to reconnect', async () => {
    mock.timers.reset();
    const w = world();
    const consultationId = await activeCall(w);
    w.sfu.killRooms([consultationId]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(w.sfu.created.length, 2);
    assert.equal(w.sfu.getRoom(consultationId), w.sfu.created[1]);
    assert.deepEqual(w.of('dropConnection').map(([socketId]) => socketId).sort(), ['desk-1', 'kiosk-1']);
    assert.ok(w.events.some((e) => e.type === 'media_restarted'));
    assert.deepEqual(w.records.ends(), []);
  });
});

describe('ConsultationService on fakes: draining', () => {
  it('a draining node queues nobody new, and the drain ends when the last call has ended and been written', async () => {
    const w = world();
    const consultationId = await activeCall(w);
    const drained = w.service.drain(60_000);
    await assert.rejects(w.service.callStaff('k2'), (e) => codeOf(e) === 'UNAVAILABLE');
    let done = false;
    void drained.then(() => {
      done = true;
    });
    await settle();
    assert.equal(done, false);
    await w.service.hangUp(STAFF_A, consultationId);
    assert.deepEqual(await drained, { remaining: 0 });
  });
});
