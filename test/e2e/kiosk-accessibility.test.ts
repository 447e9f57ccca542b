import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '@madoguchi/contract/languages';
import { LANGUAGE_CHOICES, messagesFor } from '../../kiosk/src/i18n/messages';
import { DEMO_DEPARTMENTS } from '../../server/src/db/seed/demo-data';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, layoutProblems, openKiosk, seriousViolations, setKioskTimings, type AxeViolation } from './kiosk-e2e-support';

/**
 * Lines that break inside a word. やさしい日本語 is written with spaces between words
 * (分かち書き), so a line may only end at a space or after punctuation; 「じゅう/みんの」 is a
 * break inside a word. Other Japanese text may only break where Intl.Segmenter sees a word
 * boundary (phrase-aware breaking, word-break: auto-phrase, breaks at phrase boundaries).
 * Argument: 'spaced' or 'segmented'. Plain JavaScript, as above.
 */
const WORD_BREAKS = `
  ((mode) => {
    const problems = [];
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    const punctuation = /[\\s\u200b、。・，．,.!?！？」』）)：:〜]/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent || '';
      const parent = node.parentElement;
      if (text.trim().length < 2 || !parent || parent.closest('[aria-hidden="true"], script, style')) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const tops = [];
      const range = document.createRange();
      for (let i = 0; i < text.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        tops.push(rect ? rect.top : null);
      }
      const boundaries = new Set();
      if (mode === 'segmented') for (const s of segmenter.segment(text)) boundaries.add(s.index);
      for (let i = 1; i < text.length; i += 1) {
        if (tops[i] === null || tops[i - 1] === null || tops[i] <= tops[i - 1] + 2) continue;
        const before = text[i - 1];
        const after = text[i];
        if (punctuation.test(before) || /\\s/u.test(after)) continue;
        if (mode === 'segmented' && boundaries.has(i)) continue;
        problems.push('"' + text.slice(Math.max(0, i - 6), i) + '/' + text.slice(i, i + 6) + '" breaks inside a word');
      }
    }
    return problems;
  })
`;

/**
 * axe-core over every kiosk screen a resident can reach without a specialist answering:
 * no serious or critical violation on any of them, in the normal and the large text size.
 */
describe('kiosk accessibility (axe-core)', () => {
  let server: TestServer;
  let kiosk: BrowserHandle;
  const found = new Map<string, AxeViolation[]>();

  const scan = async (screen: string): Promise<void> => {
    const violations = await seriousViolations(kiosk.page);
    if (violations.length > 0) found.set(screen, violations);
  };

  before(async () => {
    // The layout tours call and cancel some seventy times a minute from one kiosk; a real kiosk, a few.
    server = await startTestServer({ socketLimits: { kioskQueuePerMinute: 1_000 } });
    // The demo town's five departments with their names in every language (「じゅうみんのてつづき」 too).
    for (const department of DEMO_DEPARTMENTS) await createDepartment(server, { ...department, nameTranslations: { ...department.nameTranslations } });
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
    // The demo departments (see before): six cards on walk-in, as in a real town.
    // A browser of its own: the first test leaves its page on #pair with timers changed.
    const opened = await openBrowser();
    const problems: string[] = [];
    try {
      await openKiosk(opened.page, server);
      // Vietnamese: the longest words of the kiosk's languages.
      for (const language of ['ja', 'vi'] as const) problems.push(...(await tourInLargeText(opened.page, language)));
      // The installer's screen, in Japanese only.
      await opened.page.goto(`${server.url}/kiosk/#pair`);
      await opened.page.getByText('この端末を登録します').waitFor({ timeout: 15_000 });
      await opened.page.getByRole('button', { name: '文字を大きく' }).and(opened.page.locator('[aria-pressed="false"]')).click();
      problems.push(...(await layoutProblems(opened.page, 'pairing (ja)')));
    } finally {
      await opened.close();
    }
    assert.deepEqual(problems, [], `clipped or covered in large text at 1280 x 800:\n${problems.join('\n')}`);
  });

  it('fits every screen reachable without a call, normal and large text, all eight languages, 1280 x 800 and 1920 x 1080; Japanese never breaks inside a word', async () => {
    // The demo town's departments (before) in every language, as a resident would see them.
    const opened = await openBrowser();
    const problems: string[] = [];
    try {
      const { page } = opened;
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        await openKiosk(page, server);
        for (const large of [false, true]) {
          for (const { language } of LANGUAGE_CHOICES) {
            problems.push(...(await quickTour(page, language, large, `${viewport.width}x${viewport.height} ${large ? 'large' : 'normal'}`)));
          }
        }
      }
      // The installer's screen, in both sizes at both window sizes.
      await page.goto(`${server.url}/kiosk/#pair`);
      await page.getByText('この端末を登録します').waitFor({ timeout: 15_000 });
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize(viewport);
        for (const large of [false, true]) {
          const toggle = page.getByRole('button', { name: '文字を大きく' });
          if ((await toggle.getAttribute('aria-pressed')) !== String(large)) await toggle.click();
          problems.push(...(await layoutProblems(page, `pairing (${viewport.width}x${viewport.height} ${large ? 'large' : 'normal'})`)));
        }
      }
    } finally {
      await opened.close();
    }
    assert.deepEqual(problems, [], `clipped, covered or broken inside a word:\n${problems.join('\n')}`);
  });
});

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** What does not fit, and in Japanese (plain or やさしい) where a line breaks inside a word. */
async function screenProblems(page: Page, screen: string, language: Language): Promise<string[]> {
  const found = await layoutProblems(page, screen);
  if (language === 'ja' || language === 'ja-easy') {
    const mode = language === 'ja-easy' ? 'spaced' : 'segmented';
    const breaks = (await page.evaluate(`(${WORD_BREAKS})('${mode}')`)) as string[];
    found.push(...breaks.map((problem) => `${screen}: ${problem}`));
  }
  return found;
}

/**
 * Idle, start, check-in, walk-in and waiting in one language and size:
 * the screens a resident sees most, cheap enough for every combination.
 */
async function quickTour(page: Page, language: Language, large: boolean, where: string): Promise<string[]> {
  const text = messagesFor(language);
  const button = (name: string, exact = true) => page.getByRole('button', { name, exact });
  const problems: string[] = [];
  const check = async (screen: string): Promise<void> => {
    problems.push(...(await screenProblems(page, `${screen} (${language}, ${where})`, language)));
  };
  await button(messagesFor('ja').idle.begin).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
  const choice = LANGUAGE_CHOICES.find((c) => c.language === language);
  if (choice && language !== 'ja') await button(choice.label).click();
  if (large) await button(text.help.largeText).and(page.locator('[aria-pressed="false"]')).click();
  await check('idle');
  await button(text.idle.begin).click();
  await button(text.start.booked, false).waitFor();
  await check('start');
  await button(text.start.booked, false).click();
  await button(text.checkIn.submit).waitFor();
  // No wrong codes here: the kiosk's attempts are rate-limited (the tour above shows a refusal).
  await check('check-in');
  await button(text.back).click();
  await button(text.start.walkIn, false).click();
  await button(text.walkIn.unsure).waitFor();
  await check('walk-in');
  await button(text.walkIn.unsure).click();
  await page.getByText(text.waiting.title).waitFor({ timeout: 10_000 });
  // The server's forecast (nobody logged in here) is part of the screen.
  await page.getByText(text.waiting.nobody).waitFor({ timeout: 10_000 });
  // This town offers no phone, hours or booking here: no promise of 「次の方法」 that is not there.
  await page.getByText(text.waiting.nobodyWait).waitFor();
  if ((await page.getByText(text.waiting.nobodyLead).count()) > 0) problems.push(`waiting (${language}): 「${text.waiting.nobodyLead}」 with no way listed under it`);
  await check('waiting');
  await button(text.waiting.cancel).click();
  return problems;
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

  // Short timers: the idle warning on Start, then a long quiet wait asks first (the same
  // warning over the waiting screen) and, unanswered, ends in the no-answer fault.
  await setKioskTimings(page, { inactivityMs: 2_500, idleWarningMs: 30_000, faultDisplayMs: 30_000 });
  await startInLargeText();
  await button(text.idle.begin).click();
  const warning = page.getByRole('alertdialog', { name: text.idleWarning.title });
  await warning.waitFor({ timeout: 10_000 });
  await check('idle warning');
  await warning.getByRole('button', { name: text.idleWarning.continue }).click();
  await setKioskTimings(page, { maxWaitMs: 1_000, idleWarningMs: 3_000, faultDisplayMs: 30_000 });
  await startInLargeText();
  await button(text.idle.begin).click();
  await button(text.start.walkIn, false).click();
  await button(text.walkIn.unsure).click();
  await warning.waitFor({ timeout: 10_000 });
  if ((await page.getByText(text.waiting.title).count()) === 0) problems.push(`wait warning (${language}): not shown over the waiting screen`);
  await page.getByText(text.fault.noAnswer).waitFor({ timeout: 10_000 });
  await check('no answer');
  await setKioskTimings(page, null);
  return problems;
}
