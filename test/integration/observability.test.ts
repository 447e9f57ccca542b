import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationsOverview } from '@madoguchi/contract/operations';
import { startCall } from '../fixtures/call-scenario';
import { serverForSuite } from '../fixtures/suite-server';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { expectOk, request } from '../helpers/socket-client';

describe('health, readiness and metrics', () => {
  const server = serverForSuite();

  it('answers /healthz and /readyz with its checks', async () => {
    assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { accepting: true, database: true, mediaWorkers: true, adapter: true } });
  });

  it('exposes consultations (and their deprecated old name), queue, media objects, join latency and errors to Prometheus', async () => {
    const call = await startCall(server);
    try {
      const { routerRtpCapabilities } = expectOk(await request(call.staff, 'getServerInfo', {}));
      expectOk(await request(call.staff, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: routerRtpCapabilities }));
      await fetch(`${server.url}/api/consultations/not-a-uuid`);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      assert.match(text, /^madoguchi_consultations\{state="active"\} 1$/m);
      assert.match(text, /^madoguchi_consultations\{state="queued"\} 0$/m);
      // The old name stays one release as a deprecated alias with the same values (README, Operations).
      assert.match(text, /^madoguchi_sessions\{state="active"\} 1$/m); // rename:keep
      assert.match(text, /^# HELP madoguchi_sessions DEPRECATED, use madoguchi_consultations/m); // rename:keep
      assert.match(text, /madoguchi_sfu_media_objects\{kind="transport"\} [1-9]/);
      assert.match(text, /madoguchi_join_latency_seconds_count [1-9]/);
      assert.match(text, /madoguchi_errors_total\{code="UNAUTHENTICATED",edge="rest"\} 1/);
      assert.match(text, /madoguchi_sfu_worker_cpu_seconds\{worker="0"\}/);
      assert.match(text, /madoguchi_sfu_worker_peers\{worker="0"\} [1-9]/);
      assert.match(text, /madoguchi_process_resident_memory_bytes/);
      assert.ok(!/demo-staff|窓口 花子|Bearer/.test(text), 'no personal data or tokens in metrics');
    } finally {
      await request(call.staff, 'hangUp', { consultationId: call.consultationId });
      await call.close();
    }
  });

  it('gives admins an operations overview: kiosks, live consultations, worker load', async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const call = await startCall(server);
    try {
      await admin.call('operationsOverview');
      const overview = expectStatus(await admin.call<OperationsOverview>('operationsOverview'), 200);
      assert.equal(overview.nodeId, 'test-node');
      assert.deepEqual(overview.liveConsultations.map((s) => [s.id, s.status]), [[call.consultationId, 'active']]);
      assert.equal(overview.kiosks.find((k) => k.name === '中央図書館 相談窓口')?.status, 'busy');
      assert.deepEqual(overview.nodes.map((n) => [n.nodeId, n.self]), [['test-node', true]]);
      assert.equal(overview.allNodesAnswered, true);
      const workers = overview.nodes[0]?.workers ?? [];
      assert.equal(workers.length, 1);
      assert.equal(typeof workers[0]?.cpuPercent, 'number');
      // Nobody has joined the media room in this call yet: the count is there, at 0.
      assert.equal(workers[0]?.peers, 0);
    } finally {
      await request(call.staff, 'hangUp', { consultationId: call.consultationId });
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
