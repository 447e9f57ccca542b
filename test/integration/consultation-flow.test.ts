import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectParties, startCall } from '../fixtures/call-scenario';
import { audioRtpParameters, dtlsParameters, videoRtpParameters } from '../fixtures/rtp-parameters';
import { expectOk, nextEvent, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

for (const database of databaseKinds()) {
  describe(`consultation flow (${database} PostgreSQL)`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ database });
    });
    after(() => server.close());

    it('a kiosk call appears in the staff queue and leaves it when answered', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const queued = nextEvent(staff, 'queueUpdated');
        const { consultationId, queuePosition } = expectOk(await request(kiosk, 'callStaff', {}));
        assert.equal(queuePosition, 1);
        const [queue] = await queued;
        assert.deepEqual(queue.map((e) => e.consultationId), [consultationId]);
        assert.equal(queue[0]?.kioskName, '中央図書館 相談窓口');

        const accepted = nextEvent(kiosk, 'callAccepted');
        const emptied = nextEvent(staff, 'queueUpdated');
        const answer = expectOk(await request(staff, 'acceptCall', { consultationId }));
        assert.equal(answer.consultationId, consultationId);
        assert.equal((await accepted)[0].staffName, '窓口 花子');
        assert.deepEqual((await emptied)[0], []);
        expectOk(await request(staff, 'hangUp', { consultationId }));
      } finally {
        close();
      }
    });

    it('media offered by one side reaches the other as a paused consumer that resumes on ack', async () => {
      const { kiosk, staff, consultationId, close } = await startCall(server);
      try {
        const { routerRtpCapabilities } = expectOk(await request(staff, 'getServerInfo', {}));
        const staffJoin = expectOk(await request(staff, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
        const kioskJoin = expectOk(await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
        assert.equal(staffJoin.sendTransport.direction, 'send');
        assert.equal(kioskJoin.peers[0]?.role, 'staff');
        expectOk(await request(staff, 'connectTransport', { consultationId, transportId: staffJoin.sendTransport.id, dtlsParameters }));

        const offered = new Promise<{ kind: string; source: string; peerRole: string }>((resolve) => {
          kiosk.once('newConsumer', (payload, ack) => {
            ack({ ok: true, data: null });
            resolve(payload);
          });
        });
        const video = expectOk(
          await request(staff, 'produce', {
            consultationId,
            transportId: staffJoin.sendTransport.id,
            kind: 'video',
            source: 'camera',
            rtpParameters: videoRtpParameters,
          }),
        );
        assert.match(video.producerId, /^[0-9a-f-]{36}$/);
        const consumer = await offered;
        assert.deepEqual(consumer.kind, 'video');
        assert.equal(consumer.source, 'camera');
        assert.equal(consumer.peerRole, 'staff');

        const again = await request(staff, 'produce', {
          consultationId,
          transportId: staffJoin.sendTransport.id,
          kind: 'video',
          source: 'camera',
          rtpParameters: videoRtpParameters,
        });
        assert.equal(again.ok, false);
        const audio = await request(staff, 'produce', {
          consultationId,
          transportId: staffJoin.sendTransport.id,
          kind: 'audio',
          source: 'microphone',
          rtpParameters: audioRtpParameters,
        });
        assert.equal(audio.ok, true);
      } finally {
        const ended = nextEvent(kiosk, 'callEnded');
        expectOk(await request(staff, 'hangUp', { consultationId }));
        assert.equal((await ended)[0].reason, 'staff_ended');
        close();
      }
    });

    it('hanging up records answered and ended times and the end reason', async () => {
      const { kiosk, staff, consultationId, close } = await startCall(server);
      try {
        const staffEnded = nextEvent(staff, 'callEnded');
        expectOk(await request(kiosk, 'hangUp', { consultationId }));
        assert.deepEqual((await staffEnded)[0], { consultationId, reason: 'resident_left' });
        const record = await server.app.repositories.consultations.findById(consultationId);
        assert.ok(record?.answeredAt && record.endedAt);
        assert.equal(record.endReason, 'resident_left');
        assert.ok(record.durationSeconds !== null && record.durationSeconds >= 0);
        const second = await request(kiosk, 'hangUp', { consultationId });
        assert.equal(second.ok, false);
      } finally {
        close();
      }
    });

    it('exactly one of two staff members accepting at once gets the call', async () => {
      const first = await connectParties(server);
      const second = await connectParties(server);
      try {
        const { consultationId } = expectOk(await request(first.kiosk, 'callStaff', {}));
        const results = await Promise.all([
          request(first.staff, 'acceptCall', { consultationId }),
          request(second.staff, 'acceptCall', { consultationId }),
        ]);
        assert.equal(results.filter((r) => r.ok).length, 1);
        const loser = results.find((r) => !r.ok);
        assert.equal(loser && !loser.ok ? loser.error.code : null, 'ALREADY_TAKEN');
        expectOk(await request(first.kiosk, 'hangUp', { consultationId }));
      } finally {
        first.close();
        second.close();
      }
    });

    it('a kiosk that stops waiting leaves the queue and its record says so', async () => {
      const { kiosk, staff, close } = await connectParties(server);
      try {
        const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
        const emptied = nextEvent(staff, 'queueUpdated');
        expectOk(await request(kiosk, 'cancelCall', { consultationId }));
        assert.deepEqual((await emptied)[0], []);
        const record = await server.app.repositories.consultations.findById(consultationId);
        assert.equal(record?.endReason, 'resident_left');
        assert.equal(record?.answeredAt, null);
      } finally {
        close();
      }
    });

    it('a kiosk that disconnects mid-call and does not come back ends as network_lost', async () => {
      const { kiosk, staff, consultationId, close } = await startCall(server);
      try {
        const ended = nextEvent(staff, 'callEnded', 10_000);
        kiosk.disconnect();
        assert.deepEqual((await ended)[0], { consultationId, reason: 'network_lost' });
      } finally {
        close();
      }
    });
  });
}
