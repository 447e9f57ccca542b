import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bookingRules, saveBookingRules } from '../fixtures/booking';
import { buildSchedulingWorld } from '../fixtures/scheduling';
import { loginStaff } from '../helpers/api-client';
import { closeAll } from '../helpers/close-all';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { openKiosk } from './kiosk-e2e-support';

/** The kiosk's record of its last reload for a release (kiosk/src/visit/release-reload.ts). */
const RELOAD_KEY = 'madoguchi.kiosk.releaseReloadAt';

/**
 * The town upgrades the server (same database, same port, another MADOGUCHI_BUILD_ID) under a
 * kiosk page that has been running: an idle kiosk reloads by itself and works; a kiosk with a
 * resident at its start screen waits until it is back at Idle; the staff console and the
 * residents' booking page offer a reload.
 * (A restart ends every open call, so waiting and in-call kiosks are covered by the controller's
 * unit tests, test/unit/kiosk/release-reload.test.ts.)
 */
describe('a running kiosk page picks up a new server release by itself (Chromium)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let kiosk: BrowserHandle;
  let staff: TestSocket | undefined;
  let loads = 0;

  const upgrade = async (buildId: string): Promise<number> => {
    const port = Number(new URL(server.url).port);
    await server.close();
    server = await startTestServer({ sharedDatabase: db, port, buildId });
    return Date.now();
  };
  /** Resolves once the page has loaded again (the count of 'load' events went up). */
  const reloaded = async (since: number, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (loads <= since) {
      if (Date.now() > deadline) throw new Error(`the kiosk did not reload within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  before(async () => {
    db = await openTestDatabase('embedded');
    server = await startTestServer({ sharedDatabase: db, buildId: 'e2e-release-1' });
    kiosk = await openBrowser();
    kiosk.page.on('load', () => {
      loads += 1;
    });
  });
  after(async () => {
    staff?.close();
    // The console test closes the kiosk's browser early to spare the CPU; closing it again is harmless.
    await kiosk?.close().catch(() => undefined);
    await closeAll(server, db);
  });

  it('an idle kiosk reloads after the upgrade and a resident can call a specialist', async () => {
    const { page } = kiosk;
    await openKiosk(page, server);
    const before = loads;
    const upAt = await upgrade('e2e-release-2');
    await reloaded(before, 40_000);
    process.stdout.write(`# idle kiosk reloaded ${((Date.now() - upAt) / 1000).toFixed(1)} s after the upgraded server was up\n`);
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    // It works on the new release: the resident calls, the specialist answers, the call starts.
    staff = await connectSocket(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
    const queued = nextEvent(staff, 'queueUpdated', 15_000);
    await page.getByRole('button', { name: '職員を呼ぶ' }).click();
    const [queue] = await queued;
    const consultationId = queue[0]?.consultationId ?? expectOk(await request(staff, 'getQueue', {}))[0]?.consultationId;
    assert.ok(consultationId, 'the kiosk is in the queue');
    expectOk(await request(staff, 'acceptCall', { consultationId }));
    await page.getByRole('button', { name: '書類を見せる' }).waitFor({ timeout: 20_000 });
    expectOk(await request(staff, 'hangUp', { consultationId }));
    staff.close();
    staff = undefined;
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    assert.equal(loads, before + 1, 'one reload, no loop');
  });

  it('a resident at the start screen is not interrupted; the reload comes once the kiosk is back at Idle', async () => {
    const { page } = kiosk;
    // The reload just done would hold the next one off for ten minutes (the rolling-upgrade guard).
    await page.evaluate((key) => localStorage.removeItem(key), RELOAD_KEY);
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.getByRole('button', { name: '予約があります' }).waitFor({ timeout: 10_000 });
    const before = loads;
    await upgrade('e2e-release-3');
    // Reconnected to the new release (the connection banner is gone), then well past the quiet time.
    await page.waitForFunction(() => !document.body.innerText.includes('再接続'), undefined, { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    assert.equal(loads, before, 'no reload while a resident is choosing');
    assert.ok(await page.getByRole('button', { name: '予約があります' }).isVisible(), 'the start screen is still there');
    await page.getByRole('button', { name: '戻る' }).click();
    await reloaded(before, 30_000);
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
  });

  it('the staff console offers 「新しい版があります」 with a 「再読み込み」 button that works from the keyboard', async () => {
    await kiosk.close();
    const desk = await openBrowser();
    try {
      const { page } = desk;
      await page.goto(`${server.url}/`);
      // demo-admin: demo-staff's call above waits for its outcome, which the console would show first.
      await page.getByLabel('ログインID').fill('demo-admin');
      await page.getByLabel('パスワード').fill('test-password');
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByText('呼び出し中の窓口').waitFor({ timeout: 20_000 });
      assert.equal(await page.getByText('新しい版があります').count(), 0, 'no banner on the release the page was loaded with');
      await upgrade('e2e-release-4');
      await page.getByText('新しい版があります').waitFor({ timeout: 30_000 });
      const button = page.getByRole('button', { name: '再読み込み' });
      await button.focus();
      const navigated = page.waitForEvent('load', { timeout: 20_000 });
      await page.keyboard.press('Enter');
      await navigated;
      await page.getByText('呼び出し中の窓口').waitFor({ timeout: 20_000 });
      // Loaded again from the new release: nothing left to offer.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(await page.getByText('新しい版があります').count(), 0);
    } finally {
      await desk.close();
    }
  });

  it("the booking page (REST only) offers a reload after the upgrade and never reloads by itself: the resident's step stays", async () => {
    const world = await buildSchedulingWorld(server);
    await saveBookingRules(world, bookingRules(world));
    const phone = await openBrowser();
    try {
      const { page } = phone;
      let bookingLoads = 0;
      page.on('load', () => {
        bookingLoads += 1;
      });
      await page.goto(`${server.url}/book/`);
      const banner = page.getByText('このページの新しい版があります', { exact: false });
      // department → topic → kiosk → the day-and-time step, which asks the server for free times.
      await page.getByRole('button', { name: '子育て支援課' }).click({ timeout: 20_000 });
      await page.getByRole('button', { name: '児童手当' }).click();
      await page.getByRole('button', { name: /北支所/ }).click();
      await page.getByRole('heading', { name: /日にちと時間/ }).waitFor({ timeout: 10_000 });
      assert.equal(await banner.count(), 0, 'no banner on the release the page was loaded with');

      const stoppingAt = Date.now();
      await upgrade('e2e-release-5');
      // A connection the browser opened and never used once held the old node's close for over a minute.
      assert.ok(Date.now() - stoppingAt < 30_000, `the open booking page held the upgrade ${(Date.now() - stoppingAt) / 1000} s`);
      // The resident goes back one step and on again: that answer comes from the new release.
      await page.getByRole('button', { name: '戻る' }).click();
      await page.getByRole('button', { name: /北支所/ }).click();
      await banner.waitFor({ timeout: 20_000 });
      assert.equal(bookingLoads, 1, 'the page did not reload by itself');
      assert.ok(await page.getByRole('heading', { name: /日にちと時間/ }).isVisible(), "the resident's step is still there");
      assert.equal(await page.getByRole('status').filter({ hasText: 'このページの新しい版があります' }).count(), 1, 'said in a live region');

      // The resident chooses when: the button works from the keyboard, and the new page has nothing to offer.
      const navigated = page.waitForEvent('load', { timeout: 20_000 });
      await page.getByRole('button', { name: '再読み込み' }).focus();
      await page.keyboard.press('Enter');
      await navigated;
      await page.getByRole('button', { name: '子育て支援課' }).waitFor({ timeout: 20_000 });
      assert.equal(await banner.count(), 0);
    } finally {
      await phone.close();
    }
  });
});
