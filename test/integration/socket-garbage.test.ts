import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { ApiKeyIssued } from '@madoguchi/contract/integrations';
import { SOCKET_REQUESTS, type SocketRequest, type SocketRole } from '@madoguchi/contract/socket-requests';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { serverForSuite } from '../fixtures/suite-server';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, requestRaw, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** Values of the wrong type (or the right type gone wrong) for any one field of a payload. */
const WRONG_VALUES: unknown[] = [12345, -1, 1e308, true, null, '', 'x'.repeat(20_000), '\u0000\u202e\ud800', {}, [], [[[[[]]]]], { $gt: '' }];
const POLLUTING = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}';

/** The keys a request's payload schema knows (zod objects), to break them one at a time. */
function keysOf(event: SocketRequest): string[] {
  const schema = SOCKET_REQUESTS[event].payload as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {});
}

/** Everything sent as `event`'s payload: not one of them passes its schema. */
function garbageFor(event: SocketRequest): unknown[] {
  const keys = keysOf(event);
  const payloads: unknown[] = [null, 0, 'consultationId', true, [], [{}], JSON.parse(POLLUTING), { unknownKey: 1 }];
  for (const key of keys) {
    for (const value of WRONG_VALUES) payloads.push({ ...Object.fromEntries(keys.map((k) => [k, '6f1c2b1e-1111-4111-8111-111111111111'])), [key]: value });
    // Every field right-ish, plus a prototype-polluting key the schema does not have.
    payloads.push({ ...JSON.parse(POLLUTING), [key]: '6f1c2b1e-1111-4111-8111-111111111111' });
  }
  return payloads.filter((payload) => !SOCKET_REQUESTS[event].payload.safeParse(payload).success);
}

describe('every socket request with garbage payloads, from every role that may send it: a clear BAD_REQUEST, nothing crashes or changes', () => {
  let server: TestServer;
  let call: CallParties;
  const sockets = new Map<SocketRole | 'captioner', TestSocket>();

  before(async () => {
    // Validation is under test, not the flood limits (socket-flood.test.ts).
    server = await startTestServer({ socketLimits: { requestsPerSecond: 100_000, kioskQueuePerMinute: 100_000 } });
    call = await startCall(server);
    const staffToken = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
    const invite = async (body: object): Promise<TestSocket> =>
      connectSocket(server.url, guestTokenOf(expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body }), 201)));
    sockets.set('kiosk', call.kiosk);
    sockets.set('staff', call.staff);
    sockets.set('admin', await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken));
    sockets.set('guest', await invite({ kind: 'interpreter' }));
    sockets.set('captioner', await invite({ kind: 'captioner' }));
  });
  after(async () => {
    for (const socket of sockets.values()) socket.disconnect();
    await server?.close();
  });

  /** The sockets whose role may send `event` (a captioner is a guest). */
  const sendersOf = (event: SocketRequest): [string, TestSocket][] =>
    [...sockets].filter(([who]) => (SOCKET_REQUESTS[event].roles as readonly string[]).includes(who === 'captioner' ? 'guest' : who));

  it('answers each with BAD_REQUEST and says what is wrong', async () => {
    const [recordBefore] = await server.db.dataSource.query(`SELECT * FROM consultation_session WHERE id = $1`, [call.consultationId]);
    const wrong: string[] = [];
    let sent = 0;
    for (const event of Object.keys(SOCKET_REQUESTS) as SocketRequest[]) {
      const senders = sendersOf(event);
      assert.ok(senders.length > 0, `${event}: some role here may send it`);
      for (const [who, socket] of senders) {
        const attempts: unknown[][] = [[], ...garbageFor(event).map((payload) => [payload]), [{}, 'a second payload']];
        for (const args of attempts) {
          const ack = await requestRaw(socket, event, ...args).catch((error: unknown) => ({ ok: false as const, error: { code: 'TIMEOUT', message: String(error) } }));
          sent += 1;
          const shown = `${event} from ${who} with ${JSON.stringify(args).slice(0, 120)}`;
          if (ack.ok) wrong.push(`${shown}: accepted`);
          else if (ack.error.code !== 'BAD_REQUEST' || ack.error.message.length === 0) wrong.push(`${shown}: ${ack.error.code} ${ack.error.message}`);
        }
      }
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${sent} garbage requests were not refused as BAD_REQUEST`);
    assert.ok(sent > 1000, `sent ${sent}`);
    const [recordAfter] = await server.db.dataSource.query(`SELECT * FROM consultation_session WHERE id = $1`, [call.consultationId]);
    assert.deepEqual(recordAfter, recordBefore, 'the call record is unchanged');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
    for (const [who, socket] of sockets) assert.ok(socket.connected, `${who} is still connected`);
  });

  it('ignores every request sent without an ack, and answers the next one', async () => {
    for (const event of Object.keys(SOCKET_REQUESTS) as SocketRequest[]) {
      for (const [, socket] of sendersOf(event)) {
        const emit = socket.emit.bind(socket) as unknown as (e: string, ...a: unknown[]) => void;
        emit(event, JSON.parse(POLLUTING));
        emit(event);
      }
    }
    const info = await requestRaw(call.staff, 'getServerInfo', {});
    assert.equal(info.ok, true, JSON.stringify(info));
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    for (const [who, socket] of sockets) assert.ok(socket.connected, `${who} is still connected`);
  });
});

/**
 * The schema takes media descriptions as free JSON; the SFU reads them. joinRoom keeps broken
 * capabilities (checked when consuming, hostile-input.test.ts); the rest refuse them plainly.
 */
describe('media descriptions the schema lets through as free JSON, but wrong inside: never INTERNAL', () => {
  let server: TestServer;
  let call: CallParties;

  before(async () => {
    server = await startTestServer({ socketLimits: { requestsPerSecond: 100_000, kioskQueuePerMinute: 100_000 } });
    call = await startCall(server);
  });
  after(async () => {
    call?.close();
    await server?.close();
  });

  const MEDIA_GARBAGE: Record<string, unknown>[] = [
    { codecs: 'x' },
    { codecs: [null, 1, 'a'] },
    { codecs: [{ mimeType: 12, clockRate: 'fast', kind: 'audio' }], headerExtensions: {} },
    { codecs: [{ mimeType: 'audio/opus', clockRate: 48000, channels: 2, kind: 'audio', parameters: { x: { y: 1 } }, rtcpFeedback: 'no' }] },
    { fingerprints: 'x', role: 'nobody' },
    { fingerprints: [{ algorithm: 'sha-256', value: 42 }], role: 'client' },
    { mid: [], codecs: [{ payloadType: -5, mimeType: 'video/VP8', clockRate: 90000 }], encodings: 'x', rtcp: 5 },
    JSON.parse('{"__proto__": {"codecs": []}, "constructor": {"prototype": {"polluted": 1}}}') as Record<string, unknown>,
  ];

  it('joinRoom, connectTransport, produce and the connection check never answer INTERNAL, and the server stays ready', async () => {
    const wrong: string[] = [];
    const id = '6f1c2b1e-1111-4111-8111-111111111111';
    for (const media of MEDIA_GARBAGE) {
      for (const socket of [call.kiosk, call.staff]) {
        const sends: [string, unknown][] = [
          ['joinRoom', { consultationId: call.consultationId, rtpCapabilities: media }],
          ['connectTransport', { consultationId: call.consultationId, transportId: id, dtlsParameters: media }],
          ['produce', { consultationId: call.consultationId, transportId: id, kind: 'audio', source: 'microphone', rtpParameters: media }],
          ['startMediaCheck', { protocol: 'udp', rtpCapabilities: media }],
        ];
        for (const [event, payload] of sends) {
          const ack = await requestRaw(socket, event, payload);
          if (!ack.ok && ack.error.code === 'INTERNAL') wrong.push(`${event} with ${JSON.stringify(media).slice(0, 100)}: ${ack.error.message}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });
});

describe('credentials that are not socket tokens open no socket', () => {
  const server = serverForSuite();

  it('an API key, a refresh token and a kiosk device credential are refused at the handshake', async () => {
    const login = await loginStaff(server.url, 'demo-admin', 'test-password');
    const key = expectStatus(
      await restClient(server.url, login.accessToken).call<ApiKeyIssued>('createApiKey', { body: { name: 'not-a-socket', scopes: ['appointments:read', 'webhooks:manage'] } }),
      201,
    );
    for (const [what, token] of [['API key', key.secret], ['refresh token', login.refreshToken], ['kiosk device credential', server.demo.kioskCredential]] as const) {
      await assert.rejects(connectSocket(server.url, token), /invalid or expired token/, `${what} opened a socket`);
    }
  });
});
