import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APPS, mediaChunks } from '../helpers/built-apps';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { loginAtDesk } from '../helpers/call-flow';
import { until } from '../helpers/poll';
import { startTestServer, type TestServer } from '../helpers/start-server';

const [STAFF, KIOSK] = APPS;

describe('what the browser loads: the call library only where a call can happen (Chromium)', () => {
  let server: TestServer;
  let browser: BrowserHandle;
  before(async () => {
    server = await startTestServer();
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the staff login page never requests the mediasoup chunk; logging in loads it', async () => {
    const media = mediaChunks(STAFF);
    assert.equal(media.length, 1);
    const requested: string[] = [];
    browser.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await browser.page.goto(`${server.url}/`);
    await browser.page.getByLabel('ログインID').waitFor();
    // Give preloads and idle-time fetches their chance to show up.
    await browser.page.waitForLoadState('networkidle');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const scripts = requested.filter((path) => path.endsWith('.js'));
    assert.ok(scripts.length >= 2, `the login page loaded its scripts: ${scripts.join(' ')}`);
    assert.ok(!requested.some((path) => media.includes(path)), `login page requested ${media[0]}: ${scripts.join(' ')}`);
    // The cached copies are the compressed ones.
    const entry = await browser.page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
    );
    const big = entry.filter((e) => e.decoded > 20_000);
    assert.ok(big.length > 0 && big.every((e) => e.encoded < e.decoded * 0.5), `scripts arrive compressed: ${JSON.stringify(big)}`);

    await loginAtDesk(browser.page, server.url);
    await until(async () => requested.some((path) => media.includes(path)), Boolean, { timeoutMs: 15_000, what: 'the console loads the mediasoup chunk' });
  });

  it('the kiosk idle screen comes up without the mediasoup chunk; the first touch fetches it before a resident can call', async () => {
    const media = mediaChunks(KIOSK);
    assert.equal(media.length, 1);
    const page = await browser.context.newPage();
    const order: string[] = [];
    page.on('requestfinished', (request) => order.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    const begin = page.getByRole('button', { name: 'はじめる' });
    await begin.waitFor({ timeout: 20_000 });
    // Connected and idle for a while: the start-up work of the first screen is over.
    await page.waitForTimeout(2_000);
    assert.ok(!order.some((path) => media.includes(path)), `the idle kiosk fetched ${media[0]} before anyone touched it`);
    await begin.click();
    await until(async () => order.some((path) => media.includes(path)), Boolean, { timeoutMs: 15_000, what: 'the kiosk fetches the mediasoup chunk at the first touch' });
    await page.close();
  });
});
