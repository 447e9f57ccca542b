import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildSchedulingWorld } from '../fixtures/scheduling';
import { bookingRules, bookPublicly, saveBookingRules, topicOf } from '../fixtures/booking';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/**
 * NODE_ROLE=public (issue 19): a node on the internet side serves the booking page and its
 * routes and nothing else, sharing the database with the closed network's node.
 */
describe('a public-only node serves the booking page and nothing else', () => {
  let inside: TestServer;
  let outside: TestServer;
  const clock = { now: new Date('2030-04-01T09:30:00+09:00') };

  before(async () => {
    inside = await startTestServer({ now: () => clock.now, bookingLimits: { proofBits: 8 } });
    outside = await startTestServer({ sharedDatabase: inside.db, nodeId: 'public-node', nodeRole: 'public', now: () => clock.now, bookingLimits: { proofBits: 8 } });
  });
  after(async () => {
    await outside?.close();
    await inside?.close();
  });

  it('books on the public node what the inside node then sees; staff, kiosk and socket routes are not there', async () => {
    const world = await buildSchedulingWorld(inside);
    const rules = await saveBookingRules(world, bookingRules(world));
    const created = expectStatus(await bookPublicly(outside.url, { departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId, startsAt: '2030-04-02T10:00:00+09:00', email: 'outside@example.jp' }), 201);
    const rows: { source: string }[] = await inside.db.dataSource.query(`SELECT source FROM appointment WHERE check_in_code = $1`, [created.booking.checkInCode]);
    assert.equal(rows[0]?.source, 'public');

    const login = await fetch(`${outside.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'demo-admin', password: 'test-password' }) });
    assert.equal(login.status, 404, 'no staff login on the public node');
    assert.equal((await restClient(outside.url).call('kioskPair', { body: { code: '12345678' } })).status, 404);
    assert.equal((await restClient(outside.url).call('updateBookingRules', { body: {} })).status, 404);
    assert.equal((await fetch(`${outside.url}/kiosk/`)).status, 404);
    const root = await fetch(`${outside.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/book/');
    const staffToken = (await loginStaff(inside.url, 'demo-admin', 'test-password')).accessToken;
    await assert.rejects(connectSocket(outside.url, staffToken), 'a staff token opens no socket there');
    expectStatus(await restClient(outside.url).call('openapi'), 200);
  });
});
