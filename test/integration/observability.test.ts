import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCall } from '../fixtures/call-scenario';
import { expectOk, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('health, readiness and metrics', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('answers /healthz and /readyz with its checks', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { accepting: true, database: true, mediaWorkers: true, adapter: true } });
  });

  it('exposes sessions, queue, media objects, join latency and errors to Prometheus', async () => {
    const call = await startCall(server);
    try {
      const { routerRtpCapabilities } = expectOk(await request(call.staff, 'getServerInfo', {}));
      expectOk(await request(call.staff, 'joinRoom', { sessionId: call.sessionId, rtpCapabilities: routerRtpCapabilities }));
      await fetch(`${server.url}/api/sessions/not-a-uuid`);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      assert.match(text, /madoguchi_sessions\{state="active"\} 1/);
      assert.match(text, /madoguchi_sfu_media_objects\{kind="transport"\} [1-9]/);
      assert.match(text, /madoguchi_join_latency_seconds_count [1-9]/);
      assert.match(text, /madoguchi_errors_total\{code="UNAUTHENTICATED",edge="rest"\} 1/);
      assert.match(text, /madoguchi_sfu_worker_cpu_seconds\{worker="0"\}/);
      assert.match(text, /madoguchi_process_resident_memory_bytes/);
      assert.ok(!/demo-staff|窓口 花子|Bearer/.test(text), 'no personal data or tokens in metrics');
    } finally {
      await call.close();
    }
  });

  it('echoes a request id on every response', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`, { headers: { 'x-request-id': 'trace-12345678' } });
    assert.equal(response.headers.get('x-request-id'), 'trace-12345678');
    const fresh = await fetch(`${server.url}/healthz`);
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });
});
