import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, openKiosk, seriousViolations, setKioskTimings, type AxeViolation } from './kiosk-e2e-support';

/**
 * axe-core over every kiosk screen a resident can reach without a specialist answering:
 * no serious or critical violation on any of them, in the normal and the large text size.
 */
describe('kiosk accessibility (axe-core)', () => {
  let server: TestServer;
  let kiosk: BrowserSession;
  const found = new Map<string, AxeViolation[]>();

  const scan = async (screen: string): Promise<void> => {
    const violations = await seriousViolations(kiosk.page);
    if (violations.length > 0) found.set(screen, violations);
  };

  before(async () => {
    server = await startTestServer();
    await createDepartment(server, { code: 'kosodate', name: '子育て支援課', icon: 'child' });
    kiosk = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('finds no serious or critical violation on any screen reachable without a call', async () => {
    const { page } = kiosk;
    await openKiosk(page, server);
    await scan('idle');

    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.getByRole('button', { name: /予約があります/ }).waitFor();
    await scan('start');

    await page.getByRole('button', { name: /予約があります/ }).click();
    await page.getByRole('button', { name: 'この番号で受付' }).waitFor();
    await scan('check-in');
    // The sixth digit sends the code.
    for (const digit of '000000') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByText(/番号が見つかりませんでした/).waitFor({ timeout: 10_000 });
    await scan('check-in (refused)');
    await page.getByRole('button', { name: '戻る' }).click();

    await page.getByRole('button', { name: /予約なしで相談/ }).click();
    await page.getByRole('button', { name: /子育て支援課/ }).waitFor();
    await scan('walk-in');

    await page.getByRole('button', { name: '文字を大きく' }).click();
    await scan('walk-in (large text)');
    await page.getByRole('button', { name: '文字を大きく' }).click();

    await page.getByRole('button', { name: /子育て支援課/ }).click();
    await page.getByText('職員を呼び出しています').waitFor({ timeout: 10_000 });
    await scan('waiting');
    await page.getByRole('button', { name: 'やめる' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await scan('idle (English)');
    await page.getByRole('button', { name: '日本語', exact: true }).click();

    await setKioskTimings(page, { inactivityMs: 1_500, idleWarningMs: 30_000 });
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.getByRole('alertdialog', { name: '続けますか？' }).waitFor({ timeout: 10_000 });
    await scan('idle warning');
    await setKioskTimings(page, null);

    await page.goto(`${server.url}/kiosk/#pair`);
    await page.getByText('この端末を登録します').waitFor({ timeout: 15_000 });
    await scan('pairing');

    const report = [...found].map(([screen, list]) => `${screen}: ${list.map((v) => `${v.id} (${v.impact}) ${v.targets.join(', ')}`).join('; ')}`);
    assert.deepEqual(report, [], report.join('\n'));
  });
});
