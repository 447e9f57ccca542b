/**
 * Issue 16.1: a desk stands by for the resident at the head of its queue (join-tuning
 * deskStandby): its two transports are made in that call's room before 「応答」, so the accept
 * goes on over connections that are up. The seams: a standby receives nothing and nobody hears
 * of it; only a desk that could answer that resident, on the node holding the call, gets one; the
 * winner's standby becomes its join and every other desk's goes; a console that leaves, moves on
 * or stops standing by leaves nothing in the media layer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import { connectParties } from '../fixtures/call-scenario';
import { createMember } from '../fixtures/members';
import { dtlsParameters, videoRtpParameters } from '../fixtures/rtp-parameters';
import { loginStaff } from '../helpers/api-client';
import { eventually } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

const STAFF_PEER = (id: string): string => `staff:${id}`;

for (const database of databaseKinds()) {
  describe(`a desk stands by for the head of its queue (${database} PostgreSQL)`, () => {
    let server: TestServer;
    let adminToken: string;
    let adminId: string;
    let staffId: string;
    let department: Department;
    let outsiderToken: string;

    before(async () => {
      server = await startTestServer({ database });
      const admin = await loginStaff(server.url, 'demo-admin', 'test-password');
      adminToken = admin.accessToken;
      adminId = admin.user.id;
      staffId = (await loginStaff(server.url, server.demo.staffLoginId, server.demo.staffPassword)).user.id;
      const rest = restClient(server.url, adminToken);
      department = expectStatus(await rest.call<Department>('createDepartment', { body: { code: 'standby-tax', name: '税務課', icon: 'tax' } }), 201);
      const other = expectStatus(await rest.call<Department>('createDepartment', { body: { code: 'standby-welfare', name: '福祉課', icon: 'welfare' } }), 201);
      outsiderToken = (await createMember(server.url, rest, { loginId: 'standby-outsider', departmentIds: [other.id] })).token;
    });
    after(() => server.close());

    /** Everything a socket receives, by event name. */
    const recorder = (socket: TestSocket): string[] => {
      const events: string[] = [];
      socket.onAny((event: string) => events.push(event));
      return events;
    };

    /** The kiosk queues (for `departmentId` if given), joins its room while waiting and sends its camera. */
    async function queueAndProduce(kiosk: TestSocket, departmentId?: string): Promise<{ consultationId: string; caps: Record<string, unknown> }> {
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', departmentId ? { departmentId } : {}));
      const { routerRtpCapabilities: caps } = expectOk(await request(kiosk, 'getServerInfo', {}));
      const joined = expectOk(await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: caps }));
      expectOk(await request(kiosk, 'connectTransport', { consultationId, transportId: joined.sendTransport.id, dtlsParameters }));
      expectOk(await request(kiosk, 'produce', { consultationId, transportId: joined.sendTransport.id, kind: 'video', source: 'camera', rtpParameters: videoRtpParameters }));
      return { consultationId, caps };
    }

    it('a standing-by desk is offered nothing and nobody hears of it; the accept hands back the same transports and the kiosk\'s camera', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId, caps } = await queueAndProduce(kiosk);
        const kioskHeard = recorder(kiosk);
        const staffHeard = recorder(staff);
        const standby = expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        assert.ok(standby);
        assert.equal(standby.sendTransport.direction, 'send');
        assert.equal(standby.recvTransport.direction, 'recv');
        // Its own transports may be connected before the accept; it can send nothing and join nothing.
        expectOk(await request(staff, 'connectTransport', { consultationId, transportId: standby.recvTransport.id, dtlsParameters }));
        const produced = await request(staff, 'produce', { consultationId, transportId: standby.sendTransport.id, kind: 'video', source: 'camera', rtpParameters: videoRtpParameters });
        assert.equal(produced.ok ? null : produced.error.code, 'FORBIDDEN', 'a standby sends nothing before the accept');
        const joined = await request(staff, 'joinRoom', { consultationId, rtpCapabilities: caps });
        assert.equal(joined.ok ? null : joined.error.code, 'FORBIDDEN');
        const restarted = await request(staff, 'restartIce', { consultationId, transportId: standby.sendTransport.id });
        assert.equal(restarted.ok ? null : restarted.error.code, 'FORBIDDEN', 'a standby\'s broken transport is dropped, not mended');
        const message = await request(staff, 'sendMessage', { consultationId, text: 'まだ応答していません' });
        assert.equal(message.ok ? null : message.error.code, 'FORBIDDEN', 'no in-call request before the accept');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.deepEqual(staffHeard.filter((e) => e === 'newConsumer' || e === 'peerJoined'), [], 'nothing offered to a standby');
        assert.deepEqual(kioskHeard.filter((e) => e === 'peerJoined' || e === 'newConsumer'), [], 'the kiosk is not told of a standby');
        const timeline = await server.app.repositories.consultationEvents.listFor(consultationId);
        assert.ok(!timeline.some((event) => event.type === 'joined' && event.actor === 'staff'), 'a standby is not on the record');

        const offered = new Promise<string>((resolve) => {
          staff.once('newConsumer', (payload, ack) => {
            ack({ ok: true, data: null });
            resolve(payload.peerRole);
          });
        });
        const before = (await server.sfu.stats()).media.transports;
        const accepted = expectOk(await request(staff, 'acceptCall', { consultationId, join: { rtpCapabilities: caps } }));
        assert.equal(accepted.join?.sendTransport.id, standby.sendTransport.id, 'the standby\'s sending transport is the call\'s');
        assert.equal(accepted.join?.recvTransport.id, standby.recvTransport.id);
        assert.equal((await server.sfu.stats()).media.transports, before, 'no new transports made');
        assert.equal(await offered, 'kiosk');
        expectOk(await request(staff, 'produce', { consultationId, transportId: standby.sendTransport.id, kind: 'video', source: 'camera', rtpParameters: videoRtpParameters }));
        expectOk(await request(staff, 'hangUp', { consultationId }));
      } finally {
        close();
      }
    });

    it('two desks stand by and one answers: the other\'s transports go at once and it cannot use them', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      const admin = await connectSocket(server.url, adminToken);
      try {
        const { consultationId, caps } = await queueAndProduce(kiosk);
        const staffStandby = expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        const adminStandby = expectOk(await request(admin, 'standBy', { consultationId, rtpCapabilities: caps }));
        assert.ok(staffStandby && adminStandby);
        const room = server.sfu.getRoom(consultationId);
        assert.ok(room);
        assert.ok(room.hasPeer(STAFF_PEER(staffId)) && room.hasPeer(STAFF_PEER(adminId)));

        expectOk(await request(admin, 'acceptCall', { consultationId, join: { rtpCapabilities: caps } }));
        assert.equal(room.hasPeer(STAFF_PEER(staffId)), false, 'the other desk\'s standby left the room');
        const late = await request(staff, 'connectTransport', { consultationId, transportId: staffStandby.sendTransport.id, dtlsParameters });
        assert.equal(late.ok ? null : late.error.code, 'FORBIDDEN');
        const again = await request(staff, 'standBy', { consultationId, rtpCapabilities: caps });
        assert.equal(again.ok ? null : again.error.code, 'ALREADY_TAKEN');
        expectOk(await request(admin, 'hangUp', { consultationId }));
      } finally {
        admin.close();
        close();
      }
    });

    it('a desk that answers without joining (joinRoom afterwards) gets fresh transports: its console dropped the standby\'s', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId, caps } = await queueAndProduce(kiosk);
        const baseline = (await server.sfu.stats()).media.transports;
        const standby = expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        assert.ok(standby);
        expectOk(await request(staff, 'acceptCall', { consultationId }));
        const joined = expectOk(await request(staff, 'joinRoom', { consultationId, rtpCapabilities: caps }));
        assert.notEqual(joined.sendTransport.id, standby.sendTransport.id);
        assert.notEqual(joined.recvTransport.id, standby.recvTransport.id);
        assert.equal((await server.sfu.stats()).media.transports, baseline + 2, 'the standby\'s two went, the join\'s two came');
        expectOk(await request(staff, 'hangUp', { consultationId }));
      } finally {
        close();
      }
    });

    it('only a desk that could answer that resident, on the node holding the call, may stand by', async () => {
      const { kiosk, close } = await connectParties(server);
      const outsider = await connectSocket(server.url, outsiderToken);
      try {
        const { consultationId, caps } = await queueAndProduce(kiosk, department.id);
        const refused = await request(outsider, 'standBy', { consultationId, rtpCapabilities: caps });
        assert.equal(refused.ok ? null : refused.error.code, 'FORBIDDEN', 'another department cannot stand by');
        const byKiosk = await request(kiosk as never as TestSocket, 'standBy' as never, { consultationId, rtpCapabilities: caps } as never);
        assert.equal((byKiosk as { ok: boolean; error?: { code: string } }).error?.code, 'FORBIDDEN', 'a kiosk has no standby');
        const unknown = await request(outsider, 'standBy', { consultationId: '00000000-0000-4000-8000-000000000000', rtpCapabilities: caps });
        assert.equal(unknown.ok ? null : unknown.error.code, 'UNAVAILABLE', 'a call not held here (or gone) has no standby here');
        const garbage = await request(outsider, 'standBy', { consultationId, rtpCapabilities: caps, peerId: 'staff:someone' } as never);
        assert.equal(garbage.ok ? null : garbage.error.code, 'BAD_REQUEST');
        assert.equal(server.sfu.getRoom(consultationId)?.hasPeer(STAFF_PEER('x')), false);
        expectOk(await request(kiosk, 'cancelCall', { consultationId }));
      } finally {
        outsider.close();
        close();
      }
    });

    it('a desk that stops standing by, moves on or closes leaves no transport behind', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId, caps } = await queueAndProduce(kiosk);
        const baseline = (await server.sfu.stats()).media.transports;
        expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        assert.equal((await server.sfu.stats()).media.transports, baseline + 2);
        assert.equal(expectOk(await request(staff, 'standBy', { consultationId: null })), null);
        assert.equal((await server.sfu.stats()).media.transports, baseline, '「離席中」 or nobody waiting: gone');

        // Standing by twice for the same resident (a reconnect, a double update) keeps one pair.
        expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        expectOk(await request(staff, 'standBy', { consultationId, rtpCapabilities: caps }));
        assert.equal((await server.sfu.stats()).media.transports, baseline + 2);

        // Several at once from one console (a burst of queue updates): still one pair in the end.
        await Promise.all([1, 2, 3].map(() => request(staff, 'standBy', { consultationId, rtpCapabilities: caps })));
        assert.equal((await server.sfu.stats()).media.transports, baseline + 2);

        staff.disconnect();
        await eventually(async () => (await server.sfu.stats()).media.transports === baseline, 5_000);
        assert.equal(server.sfu.getRoom(consultationId)?.hasPeer(STAFF_PEER(staffId)), false);
        expectOk(await request(kiosk, 'cancelCall', { consultationId }));
        assert.equal(server.sfu.getRoom(consultationId), undefined, 'the resident left: the room and everything in it went');
      } finally {
        close();
      }
    });
  });
}
