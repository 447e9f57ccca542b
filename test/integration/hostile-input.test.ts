import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectParties, startCall } from '../fixtures/call-scenario';
import { serverForSuite } from '../fixtures/suite-server';
import { kioskToken, postJson } from '../helpers/api-client';
import { connectSocket, expectOk, request, requestRaw } from '../helpers/socket-client';

const someId = '6f1c2b1e-1111-4111-8111-111111111111';

describe('bad input gets a clear error and breaks nothing', () => {
  const server = serverForSuite();

  it('refuses a socket without a valid token', async () => {
    await assert.rejects(connectSocket(server.url, undefined), /token is required/);
    await assert.rejects(connectSocket(server.url, 'not-a-jwt'), /invalid or expired token/);
  });

  it('answers malformed payloads, unknown events and wrong roles with error acks', async () => {
    const { kiosk, staff, close } = await connectParties(server);
    try {
      const hostile: [string, unknown][] = [
        ['callStaff', 'a string'],
        ['callStaff', { extra: true }],
        ['acceptCall', { consultationId: 42 }],
        ['acceptCall', { consultationId: 'x'.repeat(10_000) }],
        ['joinRoom', { consultationId: someId, rtpCapabilities: [] }],
        ['joinRoom', JSON.parse('{"consultationId":"6f1c2b1e-1111-4111-8111-111111111111","rtpCapabilities":{},"__proto__":{"admin":true}}')],
        ['produce', { consultationId: someId, transportId: someId, kind: 'smell', source: 'camera', rtpParameters: {} }],
        ['hangUp', null],
        ['noSuchEvent', {}],
      ];
      for (const [event, payload] of hostile) {
        const ack = await requestRaw(staff, event, payload);
        assert.equal(ack.ok, false, `${event} should be refused`);
        assert.ok(!ack.ok && ['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND'].includes(ack.error.code), `${event}: ${JSON.stringify(ack)}`);
      }
      const kioskAccepting = await request(kiosk, 'acceptCall', { consultationId: someId });
      assert.equal(!kioskAccepting.ok && kioskAccepting.error.code, 'FORBIDDEN');
      const staffCalling = await request(staff, 'callStaff', {});
      assert.equal(!staffCalling.ok && staffCalling.error.code, 'FORBIDDEN');
      assert.equal(({} as Record<string, unknown>)['admin'], undefined);
    } finally {
      close();
    }
  });

  it('refuses calls out of order: the desk joining before its answer, produce before join, hang up twice', async () => {
    const { kiosk, staff, close } = await connectParties(server);
    try {
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
      const { routerRtpCapabilities } = expectOk(await request(kiosk, 'getServerInfo', {}));
      // A waiting kiosk may join its own room early (it sends while queued, forwarded to nobody); the desk may not.
      const deskEarly = await request(staff, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities });
      assert.ok(!deskEarly.ok && ['INVALID_STATE', 'FORBIDDEN'].includes(deskEarly.error.code), JSON.stringify(deskEarly));
      expectOk(await request(staff, 'acceptCall', { consultationId }));
      const produceFirst = await request(kiosk, 'produce', {
        consultationId, transportId: someId, kind: 'video', source: 'camera', rtpParameters: {},
      });
      assert.equal(!produceFirst.ok && produceFirst.error.code, 'INVALID_STATE');
      const badCaps = await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: { codecs: 'nope' } });
      assert.equal(badCaps.ok, true, 'capabilities are only checked when consuming');
      const badDtls = await request(kiosk, 'connectTransport', { consultationId, transportId: badCaps.ok ? badCaps.data.sendTransport.id : someId, dtlsParameters: { role: 'sideways' } });
      assert.equal(!badDtls.ok && badDtls.error.code, 'BAD_REQUEST');
      expectOk(await request(staff, 'hangUp', { consultationId }));
      const twice = await request(staff, 'hangUp', { consultationId });
      assert.equal(!twice.ok && twice.error.code, 'NOT_FOUND');
      const record = await server.app.repositories.consultations.findById(consultationId);
      assert.equal(record?.endReason, 'staff_ended');
    } finally {
      close();
    }
  });

  it('keeps REST errors in one shape and never answers 5xx to bad bodies', async () => {
    const login = `${server.url}/api/auth/login`;
    const cases: unknown[] = ['{not json', [], { loginId: 1 }, { loginId: 'a', password: 'b', extra: 1 }, { loginId: 'x'.repeat(5000), password: 'y' }];
    for (const body of cases) {
      const { status, body: response } = await postJson(login, body);
      assert.equal(status, 400, JSON.stringify(body).slice(0, 50));
      assert.equal((response as { error: { code: string } }).error.code, 'BAD_REQUEST');
    }
    const huge = await postJson(login, { loginId: 'a', password: 'p'.repeat(100_000) });
    assert.equal(huge.status, 400);
    const wrong = await postJson(login, { loginId: 'demo-staff', password: 'wrong-password' });
    assert.equal(wrong.status, 401);
    const badKiosk = await postJson(`${server.url}/api/kiosk/token`, { credential: `${someId}.${'A'.repeat(43)}` });
    assert.equal(badKiosk.status, 401);
  });

  it('keeps kiosks away from staff routes', async () => {
    const { accessToken } = await kioskToken(server.url, server.demo.kioskCredential);
    const response = await fetch(`${server.url}/api/consultations`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(response.status, 403);
    const anonymous = await fetch(`${server.url}/api/consultations`);
    assert.equal(anonymous.status, 401);
  });

  it('is still serving calls after all of that', async () => {
    const { staff, consultationId, close } = await startCall(server);
    try {
      expectOk(await request(staff, 'hangUp', { consultationId }));
    } finally {
      close();
    }
  });
});
