import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import type { ApiKeyIssued, ApiKeySummary, IntegrationAppointment, IntegrationAppointmentCreated, WebhookDelivery, WebhookIssued, WebhookPayload } from '@madoguchi/contract/integrations';
import type { Page } from '@madoguchi/contract/pagination';
import { TokenService } from '../../server/src/auth/token-service';
import { bookingRules, saveBookingRules, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { kioskToken } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const ADMIN_ROUTES = ['listApiKeys', 'createApiKey', 'revokeApiKey', 'getWebhookDestinations', 'listWebhooks', 'createWebhook', 'disableWebhook', 'listWebhookDeliveries'] as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

for (const kind of databaseKinds()) {
  describe(`integrations: API keys, idempotent creates, signed webhooks (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    let receiver: WebhookReceiver;
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };

    const issueKey = async (scopes: ApiKeyIssued['apiKey']['scopes'], name = 'LINE窓口'): Promise<ApiKeyIssued> =>
      expectStatus(await world.admin.call<ApiKeyIssued>('createApiKey', { body: { name, scopes } }), 201);
    const bookingBody = (startsAt: string, email = 'line-user@example.jp') => ({
      departmentId: world.departments[0]?.id ?? '',
      topicId: topicOf(rules),
      kioskId: world.kioskId,
      startsAt,
      residentName: '連携 太郎',
      residentKana: 'レンケイ タロウ',
      email,
    });

    before(async () => {
      receiver = await startWebhookReceiver();
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        webhookRetry: { maxAttempts: 3, retryBaseMs: 60_000, retryCapMs: 3_600_000, timeoutMs: 5_000 },
        // The receivers listen on loopback over http: allowed here explicitly, as a closed network would.
        integrations: { webhookUrls: { allowedHosts: '127.0.0.1', allowHttp: true } },
      });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world, { maxOpenPerContact: 20 }));
    });
    after(async () => {
      await server?.close();
      await receiver?.close();
    });

    it('an admin issues a key once; only its SHA-256 is kept and the list never shows it', async () => {
      const issued = await issueKey(['appointments:read']);
      assert.match(issued.secret, /^mdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      assert.ok(issued.secret.startsWith(`mdk_${issued.apiKey.prefix}_`), 'the visible prefix is the start of the key');
      const rows: { secret_hash: string }[] = await server.db.dataSource.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [issued.apiKey.id]);
      assert.equal(rows[0]?.secret_hash, createHash('sha256').update(issued.secret).digest('hex'));
      const list = expectStatus(await world.admin.call<ApiKeySummary[]>('listApiKeys'), 200);
      assert.ok(list.some((k) => k.id === issued.apiKey.id));
      assert.ok(!JSON.stringify(list).includes(issued.secret.slice(18)), 'no secret in the list');
    });

    it('a key reaches only the integration routes its scopes allow, never staff or admin routes', async () => {
      const reader = restClient(server.url, (await issueKey(['appointments:read'], 'reader')).secret);
      const writer = restClient(server.url, (await issueKey(['appointments:read', 'appointments:write'], 'writer')).secret);
      const created = expectStatus(await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body: bookingBody('2030-04-02T10:00:00+09:00') }), 201);
      assert.equal(created.appointment.source, 'api');
      assert.match(created.appointment.checkInCode ?? '', /^\d{6}$/);
      assert.match(created.manageToken, /^[A-Za-z0-9_-]{43}$/, 'the resident private link, for the platform to pass on');
      const read = expectStatus(await reader.call<IntegrationAppointment>('integrationGetAppointment', { params: { id: created.appointment.id } }), 200);
      assert.equal(read.status, 'scheduled');
      assert.equal((await reader.call('integrationCreateAppointment', { body: bookingBody('2030-04-02T11:00:00+09:00') })).status, 403, 'read scope cannot write');
      assert.equal((await reader.call('integrationCancelAppointment', { params: { id: created.appointment.id }, body: {} })).status, 403);
      assert.equal((await writer.call('listWebhooks')).status, 403, 'no webhooks:manage scope');
      // Staff and admin routes: never with a key, whatever its scopes.
      const all = restClient(server.url, (await issueKey(['appointments:read', 'appointments:write', 'webhooks:manage'], 'all')).secret);
      for (const key of ['listAppointments', 'listApiKeys', 'listStaff', 'listAudit', 'listDepartments', 'getBookingRules'] as const) {
        assert.equal((await all.call(key)).status, 403, `${key} refused to a key`);
      }
      assert.equal((await all.call('createAppointment', { body: {} })).status, 403);
      assert.equal((await all.call('getAppointment', { params: { id: created.appointment.id } })).status, 403);
      assert.equal((await all.call('listWebhooks')).status, 200, 'webhooks:manage lets the platform manage its own webhooks');
      // The history names the integration as the author.
      const detail = expectStatus(await world.admin.call<{ history: { actorKind: string; action: string }[] }>('getAppointment', { params: { id: created.appointment.id } }), 200);
      assert.deepEqual(detail.history.map((h) => [h.action, h.actorKind]), [['created', 'api']]);
      // And no staff token takes an integration route.
      assert.equal((await world.admin.call('integrationGetAppointment', { params: { id: created.appointment.id } })).status, 403);
    });

    it('every call with a key is audited with the key and the route, refusals too', async () => {
      const issued = await issueKey(['appointments:read'], 'audited');
      const client = restClient(server.url, issued.secret);
      await client.call('integrationFreeTimes', { query: { departmentId: world.departments[0]?.id, topicId: topicOf(rules), kioskId: world.kioskId } });
      await client.call('listAppointments');
      await waitFor(async () => (await server.db.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1`, [issued.apiKey.id]))[0].n >= 2);
      // Written when each answer has gone out, not awaited: under load the second call's row can land first.
      const again: { action: string; actor_kind: string; details: { route: string; status: number } }[] = await server.db.dataSource.query(
        `SELECT action, actor_kind, details FROM audit_log WHERE actor_id = $1 ORDER BY details->>'route'`,
        [issued.apiKey.id],
      );
      assert.deepEqual(
        again.map((r) => [r.action, r.actor_kind, r.details.route, r.details.status]),
        [
          ['api_key_used', 'api_key', 'integrationFreeTimes', 200],
          ['api_key_used', 'api_key', 'listAppointments', 403],
        ],
      );
    });

    it('a revoked key fails at once, on this node and on another node of the same database', async () => {
      const issued = await issueKey(['appointments:read'], 'to-revoke');
      const second = await startTestServer({ sharedDatabase: server.db, nodeId: 'test-node-2', now: () => clock.now });
      try {
        const here = restClient(server.url, issued.secret);
        const there = restClient(second.url, issued.secret);
        const query = { departmentId: world.departments[0]?.id, topicId: topicOf(rules), kioskId: world.kioskId };
        assert.equal((await here.call('integrationFreeTimes', { query })).status, 200);
        assert.equal((await there.call('integrationFreeTimes', { query })).status, 200);
        const revoked = expectStatus(await world.admin.call<ApiKeySummary>('revokeApiKey', { params: { id: issued.apiKey.id }, body: {} }), 200);
        assert.ok(revoked.revokedAt);
        for (const client of [here, there]) {
          const refused = await client.call<{ error: { code: string; message: string } }>('integrationFreeTimes', { query });
          assert.equal(refused.status, 401);
          assert.match(refused.body.error.message, /revoked/);
        }
        // A made-up key with a real prefix fails too.
        const forged = `${issued.secret.slice(0, 18)}${'A'.repeat(43)}`;
        assert.equal((await restClient(server.url, forged).call('integrationFreeTimes', { query })).status, 401);
      } finally {
        await second.close();
      }
    });

    it('Idempotency-Key: parallel duplicates create one appointment and get the same answer; another body is refused', async () => {
      const writer = restClient(server.url, (await issueKey(['appointments:read', 'appointments:write'], 'idem')).secret);
      const body = bookingBody('2030-04-03T10:00:00+09:00', 'idem@example.jp');
      const headers = { 'idempotency-key': 'line-req-0001' };
      const answers = await Promise.all(Array.from({ length: 12 }, () => writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body, headers })));
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [201], answers.map((a) => a.text.slice(0, 200)).join('\n'));
      assert.equal(new Set(answers.map((a) => a.body.appointment.id)).size, 1, 'one appointment for every duplicate');
      assert.equal(new Set(answers.map((a) => a.body.manageToken)).size, 1, 'the same answer');
      assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 11);
      const rows: { n: number }[] = await server.db.dataSource.query(
        `SELECT count(*)::int AS n FROM appointment WHERE starts_at = $1 AND source = 'api'`,
        [new Date('2030-04-03T10:00:00+09:00')],
      );
      assert.equal(rows[0]?.n, 1);

      const replay = await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body, headers });
      assert.equal(replay.status, 201);
      assert.equal(replay.body.appointment.id, answers[0]?.body.appointment.id);

      const other = await writer.call<{ error: { code: string } }>('integrationCreateAppointment', { body: { ...body, startsAt: '2030-04-03T11:00:00+09:00' }, headers });
      assert.equal(other.status, 422);
      assert.equal(other.body.error.code, 'IDEMPOTENCY_KEY_REUSED');

      // A refused first request keeps nothing: the same key may be retried once the slot is right.
      const taken = await writer.call('integrationCreateAppointment', { body: { ...body, email: 'x@example.jp' }, headers: { 'idempotency-key': 'line-req-0002' } });
      assert.equal(taken.status, 409, 'slot taken');
      const retried = await writer.call('integrationCreateAppointment', { body: { ...body, email: 'x@example.jp', startsAt: '2030-04-03T13:00:00+09:00' }, headers: { 'idempotency-key': 'line-req-0002' } });
      assert.equal(retried.status, 201);
      assert.equal((await writer.call('integrationCreateAppointment', { body, headers: { 'idempotency-key': 'bad key with spaces' } })).status, 400);
    });

    it('signed webhooks: every state change posts once, the signature verifies, failures retry with back-off and give up; the log shows it', async () => {
      const hook = expectStatus(await world.admin.call<WebhookIssued>('createWebhook', { body: { url: receiver.url, events: ['appointment.booked', 'appointment.moved', 'appointment.cancelled', 'appointment.no_show'] } }), 201);
      assert.match(hook.secret, /^whsec_/);
      const writer = restClient(server.url, (await issueKey(['appointments:read', 'appointments:write'], 'hooks')).secret);
      const send = () => server.app.integrations.sender.runOnce();

      const created = expectStatus(await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body: bookingBody('2030-04-04T10:00:00+09:00', 'hook@example.jp') }), 201);
      const id = created.appointment.id;
      expectStatus(await writer.call('integrationMoveAppointment', { params: { id }, body: { startsAt: '2030-04-04T14:00:00+09:00' } }), 200);
      expectStatus(await writer.call('integrationCancelAppointment', { params: { id }, body: {} }), 200);
      assert.deepEqual(await send(), { delivered: 3, failed: 0 });
      assert.deepEqual(await send(), { delivered: 0, failed: 0 }, 'never twice');
      const mine = receiver.received.filter((r) => (JSON.parse(r.body) as WebhookPayload).data.appointmentId === id);
      assert.deepEqual(mine.map((r) => (JSON.parse(r.body) as WebhookPayload).type).sort(), ['appointment.booked', 'appointment.cancelled', 'appointment.moved']);
      for (const r of mine) {
        const timestamp = String(r.headers['madoguchi-webhook-timestamp']);
        const expected = `v1=${createHmac('sha256', hook.secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
        assert.equal(r.headers['madoguchi-webhook-signature'], expected, 'HMAC-SHA256 over timestamp.body');
        assert.equal(Number(timestamp), Math.floor(clock.now.getTime() / 1000));
        const payload = JSON.parse(r.body) as WebhookPayload;
        assert.equal(r.headers['madoguchi-webhook-id'], payload.id);
        assert.ok(!r.body.includes('連携 太郎') && !r.body.includes('hook@example.jp'), 'no personal data in a webhook');
      }
      const moved = mine.map((r) => JSON.parse(r.body) as WebhookPayload).find((p) => p.type === 'appointment.moved');
      assert.equal(moved?.data.startsAt, '2030-04-04T05:00:00Z');

      // A receiver answering 500: tried, backed off, retried after 1 min then 2 min, given up after 3 tries.
      receiver.failNext(10, 500);
      const second = expectStatus(await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body: bookingBody('2030-04-05T10:00:00+09:00', 'retry@example.jp') }), 201);
      assert.deepEqual(await send(), { delivered: 0, failed: 1 });
      const logOf = async () =>
        expectStatus(await world.admin.call<Page<WebhookDelivery>>('listWebhookDeliveries', { query: { endpointId: hook.endpoint.id } }), 200).items.find((d) => d.status !== 'delivered');
      let entry = await logOf();
      assert.equal(entry?.status, 'pending');
      assert.equal(entry?.attempts, 1);
      assert.equal(entry?.responseCode, 500);
      assert.equal(entry?.lastError, 'HTTP 500');
      assert.equal(entry?.nextAttemptAt, new Date(clock.now.getTime() + 60_000).toISOString(), 'first retry after the base delay');
      assert.deepEqual(await send(), { delivered: 0, failed: 0 }, 'not before its back-off');
      clock.now = new Date(clock.now.getTime() + 60_000);
      assert.deepEqual(await send(), { delivered: 0, failed: 1 });
      entry = await logOf();
      assert.equal(entry?.attempts, 2);
      assert.equal(entry?.nextAttemptAt, new Date(clock.now.getTime() + 120_000).toISOString(), 'the delay doubles');
      clock.now = new Date(clock.now.getTime() + 120_000);
      assert.deepEqual(await send(), { delivered: 0, failed: 1 });
      entry = await logOf();
      assert.equal(entry?.status, 'failed', 'given up after maxAttempts');
      assert.equal(entry?.attempts, 3);
      assert.equal(entry?.nextAttemptAt, null);
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      assert.deepEqual(await send(), { delivered: 0, failed: 0 }, 'a given-up delivery is not tried again');
      assert.equal(receiver.received.filter((r) => r.body.includes(second.appointment.id)).length, 3);
      receiver.failNext(0, 500);

      // Changes made elsewhere (the no-show sweep) are delivered too: the database queues them.
      clock.now = new Date('2030-04-05T12:00:00+09:00');
      const third = expectStatus(await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', { body: bookingBody('2030-04-05T14:00:00+09:00', 'noshow@example.jp') }), 201);
      clock.now = new Date('2030-04-05T15:00:00+09:00');
      assert.ok((await server.app.appointments.markNoShows(15 * 60_000)) >= 1);
      await send();
      const types = receiver.received.map((r) => JSON.parse(r.body) as WebhookPayload).filter((p) => p.data.appointmentId === third.appointment.id).map((p) => p.type);
      assert.deepEqual(types.sort(), ['appointment.booked', 'appointment.no_show']);

      // A receiver that is gone: the error is the connection's, kept in the log.
      const down = await startWebhookReceiver();
      await down.close();
      expectStatus(await world.admin.call<WebhookIssued>('createWebhook', { body: { url: down.url, events: ['appointment.booked'] } }), 201);
      await writer.call('integrationCreateAppointment', { body: bookingBody('2030-04-08T10:00:00+09:00', 'down@example.jp') });
      await send();
      const failed = expectStatus(await world.admin.call<Page<WebhookDelivery>>('listWebhookDeliveries', { query: { status: 'pending' } }), 200).items.find((d) => d.url === down.url);
      assert.match(failed?.lastError ?? '', /ECONNREFUSED/);
      assert.equal(failed?.responseCode, null);
    });

    it('the new admin routes refuse staff, kiosks, guests and anonymous callers', async () => {
      const kiosk = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      const guestToken = new TokenService({ secret: TEST_JWT_SECRET, staffTtlSeconds: 60, kioskTtlSeconds: 60 }).issueGuest({ kind: 'guest', linkId: SOME_ID, consultationId: SOME_ID }, 60).token;
      const callers: [string, RestClient, number][] = [
        ['staff', restClient(server.url, world.staffToken), 403],
        ['kiosk', kiosk, 403],
        ['guest', restClient(server.url, guestToken), 403],
        ['anonymous', restClient(server.url), 401],
      ];
      for (const [who, client, status] of callers) {
        for (const key of ADMIN_ROUTES) {
          const params = key === 'revokeApiKey' || key === 'disableWebhook' ? { id: SOME_ID } : undefined;
          const body = key === 'createApiKey' ? { name: 'x', scopes: ['appointments:read'] } : key === 'createWebhook' ? { url: 'https://example.jp/h', events: ['appointment.booked'] } : key.startsWith('list') || key.startsWith('get') ? undefined : {};
          const answer = await client.call(key, { ...(params ? { params } : {}), ...(body === undefined ? {} : { body }) });
          assert.equal(answer.status, status, `${who} ${key}`);
        }
      }
      const keys: { n: number }[] = await server.db.dataSource.query(`SELECT count(*)::int AS n FROM api_key WHERE name = 'x'`);
      assert.equal(keys[0]?.n, 0);
    });

    it('the OpenAPI document lists the integration routes with the API-key scheme, the Idempotency-Key header and the webhook payload', async () => {
      const doc = expectStatus(await restClient(server.url).call<OpenApiDoc>('openapi'), 200);
      const scheme = doc.components.securitySchemes['apiKey'];
      assert.equal(scheme?.['type'], 'http');
      assert.equal(scheme?.['bearerFormat'], 'mdk_<prefix>_<secret>');
      const create = doc.paths['/api/integration/appointments']?.['post'];
      assert.deepEqual(create?.security, [{ apiKey: ['appointments:write'] }]);
      assert.ok(create?.parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'));
      assert.ok(create?.responses['429']?.headers?.['Retry-After'], 'the per-key limit and its Retry-After are documented');
      assert.equal(doc.paths['/api/appointments']?.['get']?.responses['429'], undefined, 'not on staff routes');
      for (const path of ['/api/integration/appointments/{id}', '/api/integration/appointments/{id}/move', '/api/integration/appointments/{id}/cancel', '/api/integration/free-times']) {
        assert.ok(doc.paths[path], path);
      }
      assert.deepEqual(doc.paths['/api/webhooks']?.['get']?.security, [{ bearer: [] }, { apiKey: ['webhooks:manage'] }]);
      assert.ok(doc.webhooks?.['appointment.booked'], 'webhook payloads documented');
      assert.ok(doc.components.schemas?.['WebhookPayload']);
    });
  });
}

interface OpenApiDoc {
  components: { securitySchemes: Record<string, Record<string, unknown>>; schemas?: Record<string, unknown> };
  paths: Record<string, Record<string, { security: unknown[]; parameters: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown> } | undefined> } | undefined>>;
  webhooks?: Record<string, unknown>;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
