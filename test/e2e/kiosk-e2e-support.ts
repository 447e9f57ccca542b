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

/** Shortens (or restores, with null) the kiosk's timers, then reloads so the session reads them. */
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
