import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import type { ErrorBody } from '@madoguchi/contract/errors';
import type { ApiKeyIssued, IntegrationAppointmentCreated, WebhookDelivery, WebhookDestinations, WebhookIssued, WebhookUrlRefusal } from '@madoguchi/contract/integrations';
import type { Page } from '@madoguchi/contract/pagination';
import { bookingRules, saveBookingRules, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { REDIS_URL, redisReachable } from '../helpers/redis';
import { expectStatus, restClient, type RestResponse } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const PER_MINUTE = 10;

/** What the REST API answers on an error. */
interface ErrorAnswer {
  error: ErrorBody;
}

/**
 * What a town's integration expects around the API (issue 19): a per-key request limit, the
 * webhook allow-list (SSRF guard) at registration and again at delivery, and the purge of
 * expired Idempotency-Key answers and old deliveries, one node at a time.
 */
for (const kind of databaseKinds()) {
  describe(`integration guards: per-key limit, webhook allow-list, purge (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    /** Same database, stricter allow-list: only the name `localhost`, none of its addresses. */
    let strict: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    let receiver: WebhookReceiver;
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };

    const issueKey = async (scopes: ApiKeyIssued['apiKey']['scopes'], name: string): Promise<ApiKeyIssued> =>
      expectStatus(await world.admin.call<ApiKeyIssued>('createApiKey', { body: { name, scopes } }), 201);
    const freeTimesQuery = () => ({ departmentId: world.departments[0]?.id, topicId: topicOf(rules), kioskId: world.kioskId, days: 1 });
    const registerHook = (url: string) => world.admin.call<WebhookIssued & ErrorAnswer>('createWebhook', { body: { url, events: ['appointment.booked'] } });

    before(async () => {
      receiver = await startWebhookReceiver();
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        integrations: { apiKeyRequestsPerMinute: PER_MINUTE, webhookUrls: { allowedHosts: 'localhost, 127.0.0.1, ::1', allowHttp: true }, deliveryRetentionDays: 90 },
      });
      strict = await startTestServer({ sharedDatabase: server.db, nodeId: 'strict-node', now: () => clock.now, integrations: { webhookUrls: { allowedHosts: 'localhost', allowHttp: true } } });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world, { maxOpenPerContact: 20 }));
    });
    after(async () => {
      await strict?.close();
      await server?.close();
      await receiver?.close();
    });

    it('a key that floods the API gets 429 with Retry-After once over its allowance, even in parallel; another key is unaffected', async () => {
      const flooding = await issueKey(['appointments:read'], 'flooding');
      const other = restClient(server.url, (await issueKey(['appointments:read'], 'quiet')).secret);
      const client = restClient(server.url, flooding.secret);
      const [flood, quiet] = await Promise.all([
        Promise.all(Array.from({ length: 3 * PER_MINUTE }, () => client.call<ErrorAnswer>('integrationFreeTimes', { query: freeTimesQuery() }))),
        Promise.all(Array.from({ length: 3 }, () => other.call('integrationFreeTimes', { query: freeTimesQuery() }))),
      ]);
      const statuses = flood.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 200).length, PER_MINUTE, `exactly the allowance got through: ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 2 * PER_MINUTE);
      for (const refused of flood.filter((r) => r.status === 429)) {
        const retryAfter = Number(refused.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${refused.headers.get('retry-after')}`);
        assert.equal(refused.body.error.code, 'RATE_LIMITED');
      }
      assert.deepEqual(quiet.map((r) => r.status), [200, 200, 200], 'the other key is not slowed down');
      // The refusals are in the audit log with the key, like every call made with it.
      await waitFor(async () => (await count(server, `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1 AND details->>'status' = '429'`, [flooding.apiKey.id])) === 2 * PER_MINUTE);
      // The limit counts on every node of the installation that shares the counters; a new key starts afresh.
      const fresh = restClient(strict.url, (await issueKey(['appointments:read'], 'fresh')).secret);
      assert.equal((await fresh.call('integrationFreeTimes', { query: freeTimesQuery() })).status, 200);
    });

    it('webhook URLs: credentials, hosts off the allow-list and special addresses not named by it are refused with a clear 400', async () => {
      const port = new URL(receiver.url).port;
      const cases: [string, RegExp][] = [
        [`http://user:secret@127.0.0.1:${port}/h`, /user name or password/],
        [`http://127.0.0.2:${port}/h`, /127\.0\.0\.2 is not in the webhook allow-list \(WEBHOOK_ALLOWED_HOSTS\)/],
        ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254 is not in the webhook allow-list/],
        ['https://hooks.example.jp/madoguchi', /hooks\.example\.jp is not in the webhook allow-list/],
      ];
      for (const [url, message] of cases) {
        const refused = await registerHook(url);
        assert.equal(refused.status, 400, url);
        assert.match(refused.body.error.message, message, url);
      }
      // Beside the English message, a machine reason the admin app words in the admin's language; details
      // stays a list of issues like every other 400's, the one naming `url` carrying the reason.
      const reasons: [string, WebhookUrlRefusal[]][] = [
        [
          `http://user:secret@127.0.0.1:${port}/h`,
          [{ path: 'url', message: 'a webhook URL must not contain a user name or password; the signature authenticates each delivery', reason: 'credentials_in_url', host: '127.0.0.1' }],
        ],
        [
          'https://hooks.example.jp/madoguchi',
          [{ path: 'url', message: 'hooks.example.jp is not in the webhook allow-list (WEBHOOK_ALLOWED_HOSTS); ask the server administrator to add it', reason: 'host_not_allowed', host: 'hooks.example.jp' }],
        ],
      ];
      for (const [url, details] of reasons) assert.deepEqual((await registerHook(url)).body.error.details, details, url);
      // On the strict node `localhost` is listed but its loopback address is not: the name's addresses decide.
      const viaName = await restClient(strict.url, world.adminToken).call<ErrorAnswer>('createWebhook', { body: { url: `http://localhost:${port}/h`, events: ['appointment.booked'] } });
      assert.equal(viaName.status, 400);
      assert.match(viaName.body.error.message, /(127\.0\.0\.1|::1) is a loopback address \(localhost resolves to it\)/);
      // An API key with webhooks:manage is held to the same list.
      const manager = restClient(server.url, (await issueKey(['webhooks:manage'], 'hook-manager')).secret);
      const byKey = await manager.call<ErrorAnswer>('createWebhook', { body: { url: 'http://169.254.169.254/', events: ['appointment.booked'] } });
      assert.equal(byKey.status, 400);
      const rows = await count(server, `SELECT count(*)::int AS n FROM webhook_endpoint WHERE url LIKE '%169.254%' OR url LIKE '%user:%' OR url LIKE '%127.0.0.2%'`);
      assert.equal(rows, 0, 'nothing refused was stored');
    });

    it("the admin's webhook form learns where webhooks may go before typing; nobody else does, not even a webhooks:manage key", async () => {
      assert.deepEqual(expectStatus(await world.admin.call<WebhookDestinations>('getWebhookDestinations'), 200), {
        anyPublicHost: false,
        entries: ['localhost', '127.0.0.1', '::1'],
        allowHttp: true,
      });
      assert.deepEqual(expectStatus(await restClient(strict.url, world.adminToken).call<WebhookDestinations>('getWebhookDestinations'), 200), { anyPublicHost: false, entries: ['localhost'], allowHttp: true });
      const manager = restClient(server.url, (await issueKey(['webhooks:manage'], 'hook-manager-2')).secret);
      assert.equal((await manager.call('getWebhookDestinations')).status, 403, 'the allow-list maps the town network: admins only');
      assert.equal((await restClient(server.url, world.staffToken).call('getWebhookDestinations')).status, 403);
      assert.equal((await restClient(server.url).call('getWebhookDestinations')).status, 401);
    });

    it('each delivery checks the URL again: a node whose allow-list does not cover the address the name resolves to refuses to connect', async () => {
      const hook = expectStatus(await registerHook(receiver.url.replace('127.0.0.1', 'localhost')), 201);
      const writer = restClient(server.url, (await issueKey(['appointments:read', 'appointments:write'], 'hooks-writer')).secret);
      const book = async (startsAt: string, email: string): Promise<string> =>
        expectStatus(
          await writer.call<IntegrationAppointmentCreated>('integrationCreateAppointment', {
            body: { departmentId: world.departments[0]?.id, topicId: topicOf(rules), kioskId: world.kioskId, startsAt, residentName: '連携 花子', residentKana: 'レンケイ ハナコ', email },
          }),
          201,
        ).appointment.id;

      const first = await book('2030-04-02T10:00:00+09:00', 'guard-1@example.jp');
      assert.deepEqual(await server.app.integrations.sender.runOnce(), { delivered: 1, failed: 0 }, 'the allowing node delivers');
      assert.equal(receiver.received.filter((r) => r.body.includes(first)).length, 1);

      const second = await book('2030-04-02T11:00:00+09:00', 'guard-2@example.jp');
      assert.deepEqual(await strict.app.integrations.sender.runOnce(), { delivered: 0, failed: 1 }, 'the strict node refuses to connect');
      assert.equal(receiver.received.filter((r) => r.body.includes(second)).length, 0, 'nothing reached the receiver');
      const log = expectStatus(await world.admin.call<Page<WebhookDelivery>>('listWebhookDeliveries', { query: { endpointId: hook.endpoint.id } }), 200);
      const refused = log.items.find((d) => d.status === 'pending');
      assert.match(refused?.lastError ?? '', /loopback address \(localhost resolves to it\)/);
      assert.equal(refused?.responseCode, null);
    });

    it('the purge deletes expired Idempotency-Key answers and finished deliveries past the retention, keeps the rest, and runs on one node at a time', async () => {
      const key = await issueKey(['appointments:write'], 'purge');
      const endpoint = expectStatus(await registerHook(receiver.url), 201).endpoint.id;
      const now = clock.now.getTime();
      const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
      const idempotency = async (name: string, expiresAt: Date): Promise<void> => {
        await server.db.dataSource.query(
          `INSERT INTO idempotency_record (api_key_id, idempotency_key, route, request_hash, state, status_code, response, locked_until, expires_at)
           VALUES ($1, $2, 'integrationCreateAppointment', 'h', 'done', 201, '{}', $3, $3)`,
          [key.apiKey.id, name, expiresAt],
        );
      };
      const delivery = async (status: string, createdAt: Date): Promise<string> => {
        const rows: { id: string }[] = await server.db.dataSource.query(
          `INSERT INTO webhook_delivery (endpoint_id, event, event_id, payload, status, created_at) VALUES ($1, 'appointment.booked', gen_random_uuid(), '{}', $2, $3) RETURNING id`,
          [endpoint, status, createdAt],
        );
        return rows[0]?.id ?? '';
      };
      await idempotency('expired', hoursAgo(1));
      await idempotency('live', hoursAgo(-23));
      const oldDelivered = await delivery('delivered', hoursAgo(91 * 24));
      const oldFailed = await delivery('failed', hoursAgo(120 * 24));
      const oldPending = await delivery('pending', hoursAgo(91 * 24));
      const recent = await delivery('delivered', hoursAgo(89 * 24));

      // Another node holds the purge: this one skips and deletes nothing.
      const holder = server.db.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        const [held] = await holder.query(`SELECT pg_try_advisory_xact_lock(hashtext('madoguchi:integration-purge')) AS locked`);
        assert.equal(held.locked, true);
        assert.deepEqual(await strict.app.integrations.purge.runOnce(), { skipped: true, idempotencyRecords: 0, webhookDeliveries: 0 });
        assert.equal(await count(server, `SELECT count(*)::int AS n FROM idempotency_record WHERE idempotency_key = 'expired'`), 1);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }

      const result = await server.app.integrations.purge.runOnce();
      assert.equal(result.skipped, false);
      assert.ok(result.idempotencyRecords >= 1 && result.webhookDeliveries >= 2, JSON.stringify(result));
      const keys: { idempotency_key: string }[] = await server.db.dataSource.query(`SELECT idempotency_key FROM idempotency_record WHERE api_key_id = $1`, [key.apiKey.id]);
      assert.deepEqual(keys.map((k) => k.idempotency_key), ['live']);
      const left: { id: string }[] = await server.db.dataSource.query(`SELECT id::text FROM webhook_delivery WHERE id = ANY ($1::bigint[]) ORDER BY id`, [[oldDelivered, oldFailed, oldPending, recent]]);
      assert.deepEqual(left.map((r) => r.id), [oldPending, recent], 'old finished deliveries gone; a pending one and a recent one kept');
      assert.deepEqual(await server.app.integrations.purge.runOnce(), { skipped: false, idempotencyRecords: 0, webhookDeliveries: 0 }, 'nothing twice');
    });
  });
}

describe('per-key limit across two nodes sharing Redis', async () => {
  const reachable = await redisReachable();
  let first: TestServer;
  let second: TestServer;
  before(async () => {
    if (!reachable) return;
    first = await startTestServer({ redisUrl: REDIS_URL, nodeId: 'key-limit-a', integrations: { apiKeyRequestsPerMinute: PER_MINUTE } });
    second = await startTestServer({ redisUrl: REDIS_URL, nodeId: 'key-limit-b', sharedDatabase: first.db, integrations: { apiKeyRequestsPerMinute: PER_MINUTE } });
  });
  after(async () => {
    await second?.close();
    await first?.close();
  });

  it('40 parallel requests of one key spread over two nodes: exactly the allowance answered', { skip: !reachable && `no Redis at ${REDIS_URL}` }, async () => {
    const world = await buildSchedulingWorld(first);
    const rules = await saveBookingRules(world, bookingRules(world));
    const issued = expectStatus(await world.admin.call<ApiKeyIssued>('createApiKey', { body: { name: 'two-nodes', scopes: ['appointments:read'] } }), 201);
    const query = { departmentId: world.departments[0]?.id, topicId: topicOf(rules), kioskId: world.kioskId, days: 1 };
    const answers: RestResponse[] = await Promise.all(
      Array.from({ length: 40 }, (_, i) => restClient((i % 2 === 0 ? first : second).url, issued.secret).call('integrationFreeTimes', { query })),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, PER_MINUTE, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 40 - PER_MINUTE);
  });
});

async function count(server: TestServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: number }[] = await server.db.dataSource.query(sql, params);
  return rows[0]?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
