import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../server/src/contract/languages';
import { LANGUAGE_CHOICES, messagesFor } from '../../kiosk/src/i18n/messages';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, openKiosk, seriousViolations, setKioskTimings, type AxeViolation } from './kiosk-e2e-support';

/**
 * What a resident could not reach on the screen as it is now: the page or the screen scrolls
 * (nobody will swipe), a button or link is not wholly inside the window, smaller than 64 px,
 * or covered at its centre (where a finger lands), or a heading lies under the fixed corner
 * buttons. With a modal dialog open only the dialog counts: the rest is meant to be covered.
 * Plain JavaScript: tsx's keepNames helpers do not exist inside the page.
 */
const LAYOUT_PROBLEMS = `
  (() => {
    const problems = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const height = doc.clientHeight;
    const px = (r) => [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
    const label = (el) => '"' + (el.getAttribute('aria-label') || el.textContent || el.className).trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
    if (doc.scrollHeight > height || doc.scrollWidth > width) problems.push('the page scrolls: ' + doc.scrollWidth + 'x' + doc.scrollHeight + ' in ' + width + 'x' + height);
    for (const screen of document.querySelectorAll('main')) {
      if (screen.scrollHeight > screen.clientHeight || screen.scrollWidth > screen.clientWidth) problems.push('the screen scrolls: ' + screen.scrollWidth + 'x' + screen.scrollHeight + ' in ' + screen.clientWidth + 'x' + screen.clientHeight);
    }
    const modal = document.querySelector('[aria-modal="true"]');
    for (const el of (modal || document).querySelectorAll('button, a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.left < -0.5 || r.top < -0.5 || r.right > width + 0.5 || r.bottom > height + 0.5) {
        problems.push(label(el) + ' is not wholly on screen: ' + px(r));
        continue;
      }
      if (r.width < 64 || r.height < 64) problems.push(label(el) + ' is smaller than 64 px: ' + Math.round(r.width) + 'x' + Math.round(r.height));
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !el.contains(hit)) problems.push(label(el) + ' is covered at its centre by ' + (hit ? hit.tagName.toLowerCase() + '.' + hit.className : 'nothing'));
    }
    if (!modal) {
      const corners = [...document.querySelectorAll('.help-bar, .back-button')].map((el) => el.getBoundingClientRect());
      for (const heading of document.querySelectorAll('h1, h2')) {
        const r = heading.getBoundingClientRect();
        if (corners.some((c) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom)) problems.push('heading ' + label(heading) + ' lies under the corner buttons: ' + px(r));
      }
    }
    return problems;
  })()
`;

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

  it('fits every screen reachable without a call into 1280 x 800 in large text, in Japanese and Vietnamese', async () => {
    // The demo data's other departments with their Vietnamese names: six cards on walk-in, as in a real town.
    for (const [code, name, icon, vi] of [
      ['fukushi', '福祉課', 'welfare', 'Phúc lợi'],
      ['zeimu', '税務課', 'tax', 'Thuế'],
      ['hoken-nenkin', '保険年金課', 'pension', 'Bảo hiểm và lương hưu'],
      ['shimin', '市民課', 'resident', 'Đăng ký cư trú'],
    ] as const) {
      await createDepartment(server, { code, name, icon, nameTranslations: { vi } });
    }
    // A browser of its own: the first test leaves its page on #pair with timers changed.
    const session = await openBrowser();
    const problems: string[] = [];
    try {
      await openKiosk(session.page, server);
      // Vietnamese: the longest words of the kiosk's languages.
      for (const language of ['ja', 'vi'] as const) problems.push(...(await tourInLargeText(session.page, language)));
      // The installer's screen, in Japanese only.
      await session.page.goto(`${server.url}/kiosk/#pair`);
      await session.page.getByText('この端末を登録します').waitFor({ timeout: 15_000 });
      await session.page.getByRole('button', { name: '文字を大きく' }).and(session.page.locator('[aria-pressed="false"]')).click();
      problems.push(...(await layoutProblems(session.page, 'pairing (ja)')));
    } finally {
      await session.close();
    }
    assert.deepEqual(problems, [], `clipped or covered in large text at 1280 x 800:\n${problems.join('\n')}`);
  });
});

async function layoutProblems(page: Page, screen: string): Promise<string[]> {
  const found = (await page.evaluate(LAYOUT_PROBLEMS)) as string[];
  return found.map((problem) => `${screen}: ${problem}`);
}

/**
 * Walks the resident's screens in `language` with large text on, from Idle back to Idle;
 * returns what does not fit, each problem named by its screen.
 */
async function tourInLargeText(page: Page, language: Language): Promise<string[]> {
  const text = messagesFor(language);
  // Choice cards carry a hint in their name, hence `exact: false` for those.
  const button = (name: string, exact = true) => page.getByRole('button', { name, exact });
  const problems: string[] = [];
  const check = async (screen: string): Promise<void> => {
    problems.push(...(await layoutProblems(page, `${screen} (${language})`)));
  };
  const startInLargeText = async (): Promise<void> => {
    // Idle is in Japanese until a language is chosen.
    await button(messagesFor('ja').idle.begin).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    const choice = LANGUAGE_CHOICES.find((c) => c.language === language);
    if (choice && language !== 'ja') await button(choice.label).click();
    // Large text switches itself off on Idle for the next resident, so it is off here.
    await button(text.help.largeText).and(page.locator('[aria-pressed="false"]')).click();
  };

  await startInLargeText();
  await check('idle');
  await button(text.idle.begin).click();
  await button(text.start.booked, false).waitFor();
  await check('start');

  await button(text.start.booked, false).click();
  await button(text.checkIn.submit).waitFor();
  await check('check-in');
  for (const digit of '000000') await button(digit).click();
  await page.getByText(text.checkIn.notFound).waitFor({ timeout: 10_000 });
  await check('check-in refused');
  await button(text.checkIn.useQr).click();
  await page.locator('.qr-scanner video').waitFor();
  await check('check-in by QR code');
  await button(text.back).click();

  await button(text.start.walkIn, false).click();
  await button(text.walkIn.unsure).waitFor();
  await check('walk-in');
  await button(text.walkIn.unsure).click();
  await page.getByText(text.waiting.title).waitFor({ timeout: 10_000 });
  await check('waiting');
  await button(text.waiting.cancel).click();

  // Short timers: the idle warning on Start, then nobody answers a call (the no-answer fault).
  await setKioskTimings(page, { inactivityMs: 2_500, idleWarningMs: 30_000, maxWaitMs: 1_000, faultDisplayMs: 30_000 });
  await startInLargeText();
  await button(text.idle.begin).click();
  const warning = page.getByRole('alertdialog', { name: text.idleWarning.title });
  await warning.waitFor({ timeout: 10_000 });
  await check('idle warning');
  await warning.getByRole('button', { name: text.idleWarning.continue }).click();
  await button(text.start.walkIn, false).click();
  await button(text.walkIn.unsure).click();
  await page.getByText(text.fault.noAnswer).waitFor({ timeout: 10_000 });
  await check('no answer');
  await setKioskTimings(page, null);
  return problems;
}
