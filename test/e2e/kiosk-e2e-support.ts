import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Department } from '@madoguchi/contract/departments';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import type { TestServer } from '../helpers/start-server';

/** The kiosk's test hook for its timers (kiosk/src/visit/timing-overrides.ts). */
export const TIMINGS_STORAGE_KEY = 'madoguchi.kiosk.timings';

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** Opens the kiosk with the demo credential and waits until 「はじめる」 can be pressed. */
export async function openKiosk(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
  await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
}

/** Shortens (or restores, with null) the kiosk's timers, then reloads so the kiosk app reads them. */
export async function setKioskTimings(page: Page, timings: Record<string, number> | null): Promise<void> {
  await page.evaluate(
    ([key, value]) => (value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value)),
    [TIMINGS_STORAGE_KEY, timings === null ? null : JSON.stringify(timings)] as const,
  );
  await page.reload();
  await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
}

export async function createDepartment(server: TestServer, body: { code: string; name: string; icon: Department['icon']; nameTranslations?: Partial<Record<string, string>> }): Promise<Department> {
  const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
  return expectStatus(await admin.call<Department>('createDepartment', { body }), 201);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now (or on the part `within` selects); returns the serious
 * and critical violations. The kiosk promises 7:1 text contrast (WCAG AAA), so the enhanced
 * contrast rule runs too unless `aaa` is false (the staff app promises AA).
 */
export async function seriousViolations(page: Page, options: { within?: string; aaa?: boolean } = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  // Not addScriptTag: the server's CSP (script-src 'self') blocks inline scripts, while
  // DevTools' evaluate is not subject to it.
  if (!loaded) await page.evaluate(axeSource);
  const context = JSON.stringify(options.within ?? null);
  const aaa = options.aaa ?? true;
  // Plain JavaScript string: tsx's keepNames helpers do not exist inside the page.
  const violations = (await page.evaluate(`
    window.axe.run(${context} ? document.querySelector(${context}) : document, { resultTypes: ['violations'], rules: { 'color-contrast-enhanced': { enabled: ${aaa} } } }).then((result) =>
      result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => String(n.target)),
      })),
    )
  `)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

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

/** LAYOUT_PROBLEMS on the page as it is now, each named by `screen`. */
export async function layoutProblems(page: Page, screen: string): Promise<string[]> {
  const found = (await page.evaluate(LAYOUT_PROBLEMS)) as string[];
  return found.map((problem) => `${screen}: ${problem}`);
}
