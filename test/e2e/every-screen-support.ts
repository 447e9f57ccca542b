import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { chromiumArgs } from '../helpers/browser';

/**
 * One browser tab seen the same way whether Chromium (playwright-core) or Firefox ESR
 * (puppeteer-core over WebDriver BiDi) drives it, so the sweep walks both with one script.
 * Everything the page does wrong is collected in `problems` (uncaught errors, console errors,
 * failed requests, 4xx/5xx answers) for the test to read screen by screen.
 */
export interface SweepTab {
  readonly browser: 'chromium' | 'firefox';
  /** URL and status of each 4xx/5xx answer and failed request since the last drain. */
  problems: string[];
  goto(url: string): Promise<void>;
  evaluate<T>(script: string): Promise<T>;
  /** Types into the field (real key events: React sees them). */
  type(selector: string, text: string): Promise<void>;
  /** A real key press on whatever has focus. */
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
export const firefoxMissing = existsSync(FIREFOX) ? false : `no Firefox at ${FIREFOX} (apt-get install firefox-esr)`;

/** Requests cut short because the page moved on (a navigation, a closed long-poll) are not faults. */
const ABORTED = /ERR_ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT|net::ERR_CONNECTION_CLOSED/;
/** Chromium repeats every 4xx/5xx answer as a console error; the answer itself is checked. */
const RESOURCE_ECHO = /^Failed to load resource/;

export async function openChromiumTab(viewport = { width: 1366, height: 768 }): Promise<SweepTab> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-sweep-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(),
    viewport,
    locale: 'ja-JP',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const tab: SweepTab = {
    browser: 'chromium',
    problems: [],
    async goto(url) {
      await page.goto(url);
    },
    evaluate: (script) => page.evaluate(script),
    async type(selector, text) {
      await page.locator(selector).first().pressSequentially(text);
    },
    press: (key) => page.keyboard.press(key),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  page.on('pageerror', (error) => tab.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !RESOURCE_ECHO.test(message.text())) tab.problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) tab.problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    if (!ABORTED.test(failure)) tab.problems.push(`failed ${request.method()} ${new URL(request.url()).pathname}: ${failure}`);
  });
  return tab;
}

export async function openFirefoxTab(viewport = { width: 1366, height: 768 }): Promise<SweepTab> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      // A Japanese desk's browser: the booking page follows the browser's language.
      'intl.accept_languages': 'ja',
    },
  });
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const tab: SweepTab = {
    browser: 'firefox',
    problems: [],
    async goto(url) {
      await page.goto(url);
    },
    evaluate: async <T,>(script: string) => (await page.evaluate(script)) as T,
    async type(selector, text) {
      await page.type(selector, text);
    },
    press: (key) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
    close: () => browser.close(),
  };
  page.on('pageerror', (error) => tab.problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !RESOURCE_ECHO.test(message.text())) tab.problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) tab.problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    if (!ABORTED.test(failure)) tab.problems.push(`failed ${request.method()} ${new URL(request.url()).pathname}: ${failure}`);
  });
  return tab;
}

/** Waits until a page script returns something truthy; fails with `what`. */
export async function waitFor(tab: SweepTab, script: string, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ok: unknown = false;
    try {
      ok = await tab.evaluate(script);
    } catch {
      // A navigation replaced the page mid-evaluate: look again.
    }
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${tab.browser}: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * What a screen shows once it has settled: its main heading (an h1 outside hidden parts),
 * the language of the document, whether it has Japanese words, and the visible text.
 */
export interface ScreenFacts {
  headings: string[];
  lang: string;
  japanese: boolean;
  text: string;
  busy: boolean;
}

export const SCREEN_FACTS = `
  (() => {
    const visible = (el) => !el.closest('[hidden]') && el.getClientRects().length > 0 || el.classList.contains('visually-hidden');
    const headings = [...document.querySelectorAll('h1')].filter((el) => !el.closest('[hidden]') && visible(el)).map((el) => el.textContent.trim());
    const text = document.body ? document.body.innerText : '';
    const busy = Boolean(document.querySelector('[aria-busy="true"]')) || /読み込んでいます|Loading/.test(text);
    return { headings, lang: document.documentElement.lang, japanese: /[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(text), text: text.slice(0, 4000), busy };
  })()
`;

/** True once a visible h1 is there and nothing says it is still loading. */
export const SETTLED = `(() => { const f = ${SCREEN_FACTS}; return f.headings.length > 0 && !f.busy; })()`;

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** axe-core's serious and critical findings on the page as it is (WCAG AA: the staff app's promise). */
export async function axeSerious(tab: SweepTab, aaa = false): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await tab.evaluate<boolean>(`'axe' in window`))) await tab.evaluate(axeSource);
  return tab.evaluate<string[]>(`
    window.axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast-enhanced': { enabled: ${aaa} } } }).then((r) =>
      r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))
  `);
}

/** Clicks the enabled button whose whole text is `text` (or starts with it when `prefix`). */
export const clickButton = (text: string, prefix = false): string => `
  (() => {
    const match = (b) => ${prefix} ? b.textContent.trim().startsWith(${JSON.stringify(text)}) : b.textContent.trim() === ${JSON.stringify(text)};
    const button = [...document.querySelectorAll('button')].find((b) => match(b) && !b.disabled && b.getClientRects().length > 0);
    if (button) button.click();
    return Boolean(button);
  })()
`;

/** What has keyboard focus, and whether the browser draws a focus indicator for it. */
export interface FocusFacts {
  tag: string;
  text: string;
  name: string;
  /** An outline or box-shadow that differs from the unfocused look. */
  indicated: boolean;
}

export const FOCUS_FACTS = `
  (() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', text: '', name: '', indicated: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent || '').trim().slice(0, 60),
      name: el.getAttribute('name') || el.getAttribute('aria-label') || el.id || '',
      indicated: Boolean(outline || shadow),
    };
  })()
`;
