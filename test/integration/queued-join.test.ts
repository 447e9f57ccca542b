/**
 * Issue 16.1: a waiting kiosk joins its consultation's room and produces before anyone answers
 * (join-tuning queuedJoin), so the specialist's first picture does not wait for the kiosk's DTLS
 * and produce. The seams: nothing reaches anyone before the accept, only the kiosk may join
 * early, and a kiosk that stops waiting (cancel, lost connection) leaves no room behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SfuStats } from '@madoguchi/sfu';
import { connectParties } from '../fixtures/call-scenario';
import { dtlsParameters, videoRtpParameters } from '../fixtures/rtp-parameters';
import { eventually } from '../helpers/poll';
import { expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

for (const database of databaseKinds()) {
  describe(`a kiosk joins its room while waiting (${database} PostgreSQL)`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ database });
    });
    after(() => server.close());

    /** The kiosk queues, joins the room and sends its camera, all before any accept. */
    async function queueAndProduce(kiosk: TestSocket): Promise<{ consultationId: string; producerId: string }> {
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
      const { routerRtpCapabilities } = expectOk(await request(kiosk, 'getServerInfo', {}));
      const joined = expectOk(await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
      assert.deepEqual(joined.peers, [], 'nobody else is in the room of a waiting kiosk');
      expectOk(await request(kiosk, 'connectTransport', { consultationId, transportId: joined.sendTransport.id, dtlsParameters }));
      const { producerId } = expectOk(
        await request(kiosk, 'produce', { consultationId, transportId: joined.sendTransport.id, kind: 'video', source: 'camera', rtpParameters: videoRtpParameters }),
      );
      return { consultationId, producerId };
    }

    /** The media layer is back where it was before the kiosk queued, and the record says the resident left. */
    async function assertLeftNothing(consultationId: string, baseline: SfuStats): Promise<void> {
      const afterwards = await server.sfu.stats();
      assert.deepEqual(
        { rooms: afterwards.rooms, transports: afterwards.media.transports, producers: afterwards.media.producers },
        { rooms: baseline.rooms, transports: baseline.media.transports, producers: baseline.media.producers },
      );
      const record = await server.app.repositories.consultations.findById(consultationId);
      assert.equal(record?.endReason, 'resident_left');
    }

    it('the specialist who answers is offered the camera the kiosk sent while waiting, at once', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId, producerId } = await queueAndProduce(kiosk);
        const { routerRtpCapabilities } = expectOk(await request(staff, 'getServerInfo', {}));
        // Before the accept, staff are not in the consultation: no early join for them.
        const early = await request(staff, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities });
        assert.equal(early.ok ? null : early.error.code, 'FORBIDDEN');

        const accepted = nextEvent(kiosk, 'callAccepted');
        expectOk(await request(staff, 'acceptCall', { consultationId }));
        await accepted;
        const offered = new Promise<{ producerId: string; peerRole: string; source: string }>((resolve) => {
          staff.once('newConsumer', (payload, ack) => {
            ack({ ok: true, data: null });
            resolve(payload);
          });
        });
        const staffJoin = expectOk(await request(staff, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
        assert.deepEqual(staffJoin.peers.map((p) => p.role), ['kiosk']);
        const consumer = await offered;
        assert.equal(consumer.producerId, producerId);
        assert.equal(consumer.peerRole, 'kiosk');
        assert.equal(consumer.source, 'camera');
        // The kiosk's transports made while waiting serve the call: no second join needed.
        const stats = await server.sfu.stats();
        assert.ok(stats.media.producers >= 1);
        expectOk(await request(staff, 'hangUp', { consultationId }));
        assert.equal(server.sfu.getRoom(consultationId), undefined);
      } finally {
        close();
      }
    });

    it('an accept that carries the desk\'s capabilities joins the desk with it: transports in the answer, the kiosk\'s camera offered', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId, producerId } = await queueAndProduce(kiosk);
        const { routerRtpCapabilities } = expectOk(await request(staff, 'getServerInfo', {}));
        const offered = new Promise<{ producerId: string; peerRole: string }>((resolve) => {
          staff.once('newConsumer', (payload, ack) => {
            ack({ ok: true, data: null });
            resolve(payload);
          });
        });
        const before = await server.sfu.stats();
        const accepted = expectOk(await request(staff, 'acceptCall', { consultationId, join: { rtpCapabilities: routerRtpCapabilities } }));
        assert.equal(accepted.mediaNodeUrl, null);
        assert.ok(accepted.join, 'the answer carries the join');
        assert.equal(accepted.join.sendTransport.direction, 'send');
        assert.equal(accepted.join.recvTransport.direction, 'recv');
        assert.deepEqual(accepted.join.peers.map((p) => p.role), ['kiosk']);
        assert.equal((await offered).producerId, producerId);
        const afterwards = await server.sfu.stats();
        assert.equal(afterwards.media.transports, before.media.transports + 2, 'the desk\'s two transports, made by the accept');
        // The transports are the desk's: it connects and produces on them with no joinRoom.
        expectOk(await request(staff, 'connectTransport', { consultationId, transportId: accepted.join.sendTransport.id, dtlsParameters }));
        expectOk(
          await request(staff, 'produce', { consultationId, transportId: accepted.join.sendTransport.id, kind: 'video', source: 'camera', rtpParameters: videoRtpParameters }),
        );

        // A second accept of the same resident, capabilities or not, is refused and joins nobody.
        const other = await request(staff, 'acceptCall', { consultationId, join: { rtpCapabilities: routerRtpCapabilities } });
        assert.equal(other.ok ? null : other.error.code, 'ALREADY_TAKEN');
        assert.equal((await server.sfu.stats()).media.transports, afterwards.media.transports);
        expectOk(await request(staff, 'hangUp', { consultationId }));
      } finally {
        close();
      }
    });

    it('an accept with a malformed join is refused before it takes the resident', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId } = await queueAndProduce(kiosk);
        const bad = await request(staff, 'acceptCall', { consultationId, join: { rtpCapabilities: 'vp8' } } as never);
        assert.equal(bad.ok ? null : bad.error.code, 'BAD_REQUEST');
        const extra = await request(staff, 'acceptCall', { consultationId, join: { rtpCapabilities: {}, peerId: 'someone-else' } } as never);
        assert.equal(extra.ok ? null : extra.error.code, 'BAD_REQUEST');
        // Still waiting: the ordinary accept takes it.
        expectOk(await request(staff, 'acceptCall', { consultationId }));
        expectOk(await request(staff, 'hangUp', { consultationId }));
      } finally {
        close();
      }
    });

    it('a kiosk that stops waiting after joining leaves no room, transport or producer behind', async () => {
      const { kiosk, close } = await connectParties(server);
      try {
        const baseline = await server.sfu.stats();
        const { consultationId } = await queueAndProduce(kiosk);
        const during = await server.sfu.stats();
        assert.equal(during.rooms, baseline.rooms + 1);
        assert.equal(during.media.transports, baseline.media.transports + 2);
        expectOk(await request(kiosk, 'cancelCall', { consultationId }));
        assert.equal(server.sfu.getRoom(consultationId), undefined);
        await assertLeftNothing(consultationId, baseline);
      } finally {
        close();
      }
    });

    it('a waiting kiosk that joined and lost its connection for good leaves no room behind', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const baseline = await server.sfu.stats();
        const { consultationId } = await queueAndProduce(kiosk);
        const emptied = nextEvent(staff, 'queueUpdated', 10_000);
        kiosk.disconnect();
        await emptied;
        await eventually(async () => server.sfu.getRoom(consultationId) === undefined, 10_000);
        await assertLeftNothing(consultationId, baseline);
      } finally {
        close();
      }
    });

    it('a waiting kiosk that comes back and joins again replaces its transports, and the call goes on', async () => {
      const first = await connectParties(server);
      const { consultationId } = await queueAndProduce(first.kiosk);
      const baseline = (await server.sfu.stats()).media.transports;
      first.kiosk.disconnect();
      const again = await connectParties(server);
      try {
        // A reload: the same kiosk asks again and gets its place back, then joins again.
        const resumed = expectOk(await request(again.kiosk, 'callStaff', {}));
        assert.equal(resumed.consultationId, consultationId);
        const { routerRtpCapabilities } = expectOk(await request(again.kiosk, 'getServerInfo', {}));
        expectOk(await request(again.kiosk, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
        assert.equal((await server.sfu.stats()).media.transports, baseline, 'the old transports were replaced');
        const accepted = nextEvent(again.kiosk, 'callAccepted');
        expectOk(await request(again.staff, 'acceptCall', { consultationId }));
        await accepted;
        expectOk(await request(again.kiosk, 'hangUp', { consultationId }));
        assert.equal(server.sfu.getRoom(consultationId), undefined);
      } finally {
        first.close();
        again.close();
      }
    });
  });
}
