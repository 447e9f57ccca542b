import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { expectOk, nextEvent, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { until } from '../helpers/poll';

/**
 * reportMediaFailure against the real SFU: the server decides from the transports, not from
 * the report. Sockets stand in for browsers, so their transports never connect (no DTLS).
 */
describe('a call whose media never flows is recorded as media_failed', () => {
  let server: TestServer;
  let call: CallParties;
  let rtpCapabilities: Record<string, unknown>;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0, sfu: { noMediaTimeoutSeconds: 7 } });
    call = await startCall(server);
    rtpCapabilities = server.sfu.routerRtpCapabilities;
  });
  after(async () => {
    call?.close();
    await server.close();
  });

  it('tells every client the media port and the no-media timeout', async () => {
    const info = expectOk(await request(call.kiosk, 'getServerInfo', {}));
    assert.equal(info.media.noMediaTimeoutSeconds, 7);
    assert.equal(info.media.address, '127.0.0.1');
  });

  it('a join with iceProtocol tcp offers TCP candidates only and flags the record', async () => {
    const joined = expectOk(await request(call.kiosk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities, iceProtocol: 'tcp' }));
    const protocols = joined.sendTransport.iceCandidates.map((c) => String(c['protocol']));
    assert.ok(protocols.length > 0 && protocols.every((p) => p === 'tcp'), protocols.join(','));
    const types = await until(
      async () => (await server.app.repositories.consultationEvents.listFor(call.consultationId)).map((e) => e.type),
      (list) => list.includes('media_tcp_fallback'),
      { what: 'the fallback recorded' },
    );
    assert.ok(types.includes('media_tcp_fallback'));
    const invalid = await request(call.kiosk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities, iceProtocol: 'sctp' as 'tcp' });
    assert.equal(invalid.ok, false, 'only any or tcp');
  });

  it('ends the call for both sides as media_failed, naming who had no media', async () => {
    expectOk(await request(call.staff, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities }));
    const atStaff = nextEvent(call.staff, 'callEnded');
    const result = expectOk(await request(call.kiosk, 'reportMediaFailure', { consultationId: call.consultationId }));
    assert.deepEqual([...result.failedRoles].sort(), ['kiosk', 'staff']);
    const [ended] = await atStaff;
    assert.equal(ended.reason, 'media_failed');
    assert.deepEqual([...(ended.failedRoles ?? [])].sort(), ['kiosk', 'staff']);
    const record = await until(() => server.app.repositories.consultations.findById(call.consultationId), (r) => r?.status === 'ended', { what: 'record closed' });
    assert.equal(record?.endReason, 'media_failed');
    assert.equal(record?.mediaFlag, 'media_failed');
    const again = await request(call.staff, 'reportMediaFailure', { consultationId: call.consultationId });
    assert.equal(again.ok, false, 'a call that is over cannot fail again');
  });
});
