import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, type RouteKey } from '@madoguchi/contract/api-routes';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { loginStaff } from '../helpers/api-client';
import { connectSocket, requestRaw } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** A small seeded generator, so a failure can be replayed with the same FUZZ_SEED. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const SOCKET_EVENTS = 8000;
const REST_REQUESTS = 2500;

describe(`fuzz: ${SOCKET_EVENTS} hostile socket events and ${REST_REQUESTS} hostile REST requests (seed ${SEED})`, () => {
  let server: TestServer;
  let call: CallParties;
  let tokens: Record<'admin' | 'staff' | 'none', string | undefined>;
  const random = prng(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  before(async () => {
    // Validation is under test here, not the flood limits (socket-flood.test.ts): every event is checked.
    server = await startTestServer({ socketLimits: { requestsPerSecond: 100_000, kioskQueuePerMinute: 100_000 } });
    call = await startCall(server);
    tokens = {
      admin: (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken,
      staff: (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken,
      none: undefined,
    };
  });
  after(async () => {
    call?.close();
    await server.close();
  });

  const consultationIdish = (): unknown =>
    pick([() => call.consultationId, () => '6f1c2b1e-1111-4111-8111-111111111111', () => 'not-a-uuid', () => 42, () => null, () => 'x'.repeat(5000)])();

  const hostileValue = (depth = 0): unknown => {
    const choices: (() => unknown)[] = [
      () => null,
      () => undefined,
      () => random() * 1e12 - 5e11,
      () => Number.NaN,
      () => -0,
      () => true,
      () => '',
      () => 'ａ\u0000\u202e\ud800🙂'.repeat(1 + Math.floor(random() * 50)),
      () => 'x'.repeat(Math.floor(random() * 30_000)),
      () => '<script>alert(1)</script>',
      () => "'; DROP TABLE consultation_session; --",
      () => consultationIdish(),
      () => (depth < 3 ? Array.from({ length: Math.floor(random() * 5) }, () => hostileValue(depth + 1)) : []),
      () => (depth < 3 ? Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, (_, i) => [pick(['consultationId', 'code', 'text', 'marks', 'rating', 'departmentId', 'token', `k${i}`]), hostileValue(depth + 1)])) : {}),
      () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
      () => Array.from({ length: 5000 }, () => 1),
    ];
    return pick(choices)();
  };

  it('answers every hostile socket event with an error ack and never crashes', async () => {
    const events = ['getServerInfo', 'callStaff', 'checkIn', 'submitSurvey', 'heartbeat', 'cancelCall', 'getQueue', 'acceptCall', 'joinRoom',
      'connectTransport', 'produce', 'closeProducer', 'restartIce', 'hangUp', 'sendMessage', 'requestSnapshot', 'answerSnapshot', 'pointer', 'documentView',
      'transferCall', 'reportQuality', 'renewAuth', 'constructor', '__proto__', 'toString', 'noSuchThing'];
    const sockets = [call.kiosk, call.staff];
    // Events that would legitimately change the call are sent only with broken payloads.
    const stateChanging = new Set(['hangUp', 'transferCall', 'cancelCall', 'acceptCall', 'callStaff', 'checkIn']);
    let answered = 0;
    for (let i = 0; i < SOCKET_EVENTS; i += 1) {
      const event = pick(events);
      let payload = hostileValue();
      if (stateChanging.has(event) && typeof payload === 'object' && payload !== null && !Array.isArray(payload)) payload = { ...payload, extra: 1 };
      // Frames over the 64 KiB limit close the connection by design (tested below), not an ack.
      if ((JSON.stringify(payload) ?? '').length > 50_000) payload = { consultationId: 'x'.repeat(1000) };
      const socket = pick(sockets);
      const ack = await requestRaw(socket, event, payload).catch((error: unknown) => ({ ok: false as const, error: { code: 'TIMEOUT', message: String(error) } }));
      if (!ack.ok) {
        assert.notEqual(ack.error.code, 'INTERNAL', `${event} answered INTERNAL for ${JSON.stringify(payload)?.slice(0, 200)}`);
        assert.notEqual(ack.error.code, 'TIMEOUT', `${event} went unanswered for ${JSON.stringify(payload)?.slice(0, 300)}: ${ack.error.message}`);
      }
      answered += 1;
    }
    assert.equal(answered, SOCKET_EVENTS);
    assert.ok(call.kiosk.connected && call.staff.connected, 'the parties are still connected');
  });

  it('closes a socket that sends a frame over the size limit, and the server carries on', async () => {
    const victim = await connectSocket(server.url, tokens.staff);
    const closed = new Promise<void>((resolve) => victim.once('disconnect', () => resolve()));
    void requestRaw(victim, 'sendMessage', { consultationId: call.consultationId, text: 'x'.repeat(200_000) }).catch(() => undefined);
    await closed;
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    assert.ok(call.staff.connected, 'other sockets are untouched');
  });

  it('answers every hostile REST request with a 4xx (or a success a caller may have), never a 5xx', async () => {
    const keys = Object.keys(API_ROUTES) as RouteKey[];
    const before = await server.db.dataSource.query(`SELECT (SELECT count(*) FROM appointment) a, (SELECT count(*) FROM department) d, (SELECT count(*) FROM staff_user) s, (SELECT count(*) FROM kiosk) k`);
    for (let i = 0; i < REST_REQUESTS; i += 1) {
      const key = pick(keys);
      const spec = API_ROUTES[key];
      const id = String(consultationIdish());
      const path = spec.path.replace(':id', encodeURIComponent(id).slice(0, 200));
      const token = tokens[pick(['admin', 'staff', 'none'] as const)];
      const query = random() < 0.5 ? `?${new URLSearchParams({ [pick(['from', 'to', 'page', 'pageSize', 'status', 'groupBy', 'x'])]: String(hostileValue()).slice(0, 300) }).toString()}` : '';
      const rawBody = random() < 0.2 ? '{"broken": ' : JSON.stringify(hostileValue()) ?? 'null';
      // Only destructive calls need care: the body must never be a valid one.
      const response = await fetch(`${server.url}${path}${query}`, {
        method: spec.method.toUpperCase(),
        headers: { 'content-type': pick(['application/json', 'text/plain', 'image/png']), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: spec.method === 'get' ? undefined : rawBody.slice(0, 40_000),
      });
      if (response.status >= 500) assert.fail(`${spec.method.toUpperCase()} ${path} → ${response.status}: ${(await response.text()).slice(0, 200)}`);
      if (response.status >= 400) {
        const text = await response.text();
        let body: { error?: { code?: string } } | null = null;
        try {
          body = JSON.parse(text) as { error?: { code?: string } };
        } catch {
          // reported below
        }
        assert.ok(body?.error?.code, `${key} ${path} → ${response.status}: the error has the one shape: ${text.slice(0, 200)}`);
      } else {
        await response.arrayBuffer();
      }
    }
    const afterCounts = await server.db.dataSource.query(`SELECT (SELECT count(*) FROM appointment) a, (SELECT count(*) FROM department) d, (SELECT count(*) FROM staff_user) s, (SELECT count(*) FROM kiosk) k`);
    assert.deepEqual(afterCounts, before, 'no record was created or lost by hostile input');
    const health = await fetch(`${server.url}/readyz`);
    assert.equal(health.status, 200, 'the server is still ready');
    const polluted = ({} as Record<string, unknown>)['polluted'];
    assert.equal(polluted, undefined, 'no prototype pollution');
  });
});
