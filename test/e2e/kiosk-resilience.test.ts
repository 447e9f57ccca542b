import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { closeAll } from '../helpers/close-all';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { openKiosk } from './kiosk-e2e-support';

/**
 * The server restarts (same database, same port) while a resident waits and while one talks.
 * A restart ends every open consultation (server_restart), so the kiosk must be back at Idle,
 * ready for the next resident, within 10 s of the server being up.
 */
describe('the kiosk after a server restart (Chromium)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let kiosk: BrowserHandle;
  let staff: TestSocket | undefined;

  const restart = async (): Promise<number> => {
    const port = Number(new URL(server.url).port);
    await server.close();
    server = await startTestServer({ sharedDatabase: db, port });
    // As main.ts does before it listens: what the previous run left open is closed.
    await server.app.consultations.recoverAfterRestart();
    return Date.now();
  };
  const connectStaff = async (): Promise<TestSocket> =>
    connectSocket(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);

  before(async () => {
    db = await openTestDatabase('embedded');
    server = await startTestServer({ sharedDatabase: db });
    kiosk = await openBrowser();
  });
  after(() => closeAll(staff, kiosk, server, db));

  it('a waiting resident whose queue entry the restart ended is back at Idle within 10 s', async () => {
    const { page } = kiosk;
    await openKiosk(page, server);
    await page.getByRole('button', { name: '職員を呼ぶ' }).click();
    await page.getByText('職員を呼び出しています').waitFor({ timeout: 10_000 });
    const upAt = await restart();
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 15_000 });
    const seconds = (Date.now() - upAt) / 1000;
    assert.ok(seconds <= 10, `back at Idle ${seconds.toFixed(1)} s after the server was up`);
    staff = await connectStaff();
    assert.deepEqual(expectOk(await request(staff, 'getQueue', {})), [], 'no stale queue entry');
    staff.close();
    staff = undefined;
  });

  it('a resident in a call is back at Idle within 10 s', async () => {
    const { page } = kiosk;
    staff = await connectStaff();
    const queued = nextEvent(staff, 'queueUpdated', 10_000);
    await page.getByRole('button', { name: '職員を呼ぶ' }).click();
    const [queue] = await queued;
    const consultationId = queue[0]?.consultationId ?? expectOk(await request(staff, 'getQueue', {}))[0]?.consultationId;
    assert.ok(consultationId);
    expectOk(await request(staff, 'acceptCall', { consultationId }));
    await page.getByRole('button', { name: '書類を見せる' }).waitFor({ timeout: 15_000 });
    staff.close();
    staff = undefined;

    const upAt = await restart();
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 15_000 });
    const seconds = (Date.now() - upAt) / 1000;
    assert.ok(seconds <= 10, `back at Idle ${seconds.toFixed(1)} s after the server was up`);
  });
});
