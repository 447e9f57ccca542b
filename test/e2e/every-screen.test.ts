import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesInput } from '@madoguchi/contract/booking';
import { seedDemoData } from '../../server/src/db/seed/demo-data';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { walkInAtKiosk } from '../helpers/call-flow';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import {
  axeSerious,
  clickButton,
  FOCUS_FACTS,
  firefoxMissing,
  openChromiumTab,
  openFirefoxTab,
  SCREEN_FACTS,
  SETTLED,
  waitFor,
  type FocusFacts,
  type ScreenFacts,
  type SweepTab,
} from './every-screen-support';
import { hostAddress } from './staff-layout-support';

/**
 * A new user's walk through every screen of the staff/admin app, the booking page and the
 * guest page, in Chromium and in Firefox ESR, on the demo data `npm start` creates. Each screen
 * must settle with a main heading, in Japanese, with no uncaught error, no console error, no
 * failed request or 4xx/5xx answer it did not ask for, and no serious axe-core finding. The
 * login, answering a call, the outcome and a booking on /book/ are done with the keyboard only.
 * Faults are gathered over the whole walk and reported together, screen by screen.
 */

const opens = (days: number[], from: string, to: string) => days.map((weekday) => ({ weekday, opens: from, closes: to }));

interface World {
  server: TestServer;
  consultationId: string;
  appointmentId: string;
  departmentName: string;
  topicName: string;
  kioskName: string;
}

async function buildWorld(): Promise<World> {
  // Firefox gathers no 127.0.0.1 ICE candidate (the connection check and the call need media).
  const server = await startTestServer({ webRtcServerPort: 0, sfu: { listenIp: hostAddress() ?? '127.0.0.1' } });
  await seedDemoData(server.db.dataSource, server.app.repositories, 'test-password');
  const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
  const departments = await server.app.repositories.departments.list({ includeInactive: false });
  const department = departments[0];
  assert.ok(department, 'the demo data has departments');
  const kioskId = server.demo.kioskCredential.split('.')[0] ?? '';
  const topicName = 'くらしの相談';
  // Every day of the week, so the walk finds free times whatever day it runs on.
  const rules: BookingRulesInput = {
    policy: { horizonDays: 14, leadMinutes: 60, changeCutoffMinutes: 60, maxOpenPerContact: 3 },
    departments: [{ departmentId: department.id, bookable: true, capacity: 2, hours: opens([1, 2, 3, 4, 5, 6, 7], '00:00', '23:30'), topics: [{ name: topicName, slotMinutes: 30 }] }],
    kiosks: [{ kioskId, bookable: true, hours: opens([1, 2, 3, 4, 5, 6, 7], '00:00', '23:30') }],
    blockedDays: [],
  };
  expectStatus(await admin.call('updateBookingRules', { body: rules }), 200);
  const [session] = (await server.db.dataSource.query(`SELECT id FROM consultation_session WHERE ended_at IS NOT NULL ORDER BY queued_at DESC LIMIT 1`)) as { id: string }[];
  const [appointment] = (await server.db.dataSource.query(`SELECT id FROM appointment ORDER BY starts_at DESC LIMIT 1`)) as { id: string }[];
  assert.ok(session && appointment, 'the demo data has consultations and appointments');
  const kiosk = await server.app.repositories.kiosks.findByName('中央図書館 相談窓口');
  return { server, consultationId: session.id, appointmentId: appointment.id, departmentName: department.name, topicName, kioskName: kiosk?.name ?? '' };
}

/** Answers a screen may get on purpose (a bad link is refused), by path and status. */
type Expected = RegExp[];

async function settle(tab: SweepTab, what: string): Promise<void> {
  await waitFor(tab, SETTLED, `${what} to show its heading`);
  // Requests the screen starts after its heading (lists, counts) land, or fail, by then.
  await new Promise((resolve) => setTimeout(resolve, 900));
}

/** Checks the screen now showing; returns what is wrong with it. */
async function inspect(tab: SweepTab, label: string, expected: Expected = [], options: { lang?: string } = {}): Promise<string[]> {
  const faults: string[] = [];
  const facts = await tab.evaluate<ScreenFacts>(SCREEN_FACTS);
  if (facts.headings.length === 0) faults.push('no main heading (h1)');
  const lang = options.lang ?? 'ja';
  if (facts.lang !== lang) faults.push(`<html lang="${facts.lang}">, expected ${lang}`);
  if (lang === 'ja' && !facts.japanese) faults.push(`no Japanese text: ${facts.text.slice(0, 120)}`);
  for (const problem of tab.problems) if (!expected.some((e) => e.test(problem))) faults.push(problem);
  tab.problems = [];
  for (const violation of await axeSerious(tab)) faults.push(`axe ${violation}`);
  return faults.map((f) => `${tab.browser} ${label}: ${f}`);
}

/** Moves inside the app by its hash, as the menu does (no reload). */
async function visitHash(tab: SweepTab, hash: string): Promise<void> {
  await tab.evaluate(`(() => { document.querySelectorAll('[data-walked]').forEach((e) => e.removeAttribute('data-walked')); window.location.hash = ${JSON.stringify(hash)}; })()`);
}

/** Opens each screen by its address and inspects it; a screen that never settles is a fault, and the walk goes on. */
async function walkScreens(tab: SweepTab, screens: [string, string, Expected?][], faults: string[]): Promise<void> {
  for (const [hash, label, expected] of screens) {
    tab.problems = [];
    await visitHash(tab, hash);
    try {
      await settle(tab, label);
    } catch (error) {
      faults.push(`${tab.browser} ${label}: ${(error as Error).message}; shows ${(await tab.evaluate<ScreenFacts>(SCREEN_FACTS)).text.slice(0, 200)}`);
      continue;
    }
    faults.push(...(await inspect(tab, label, expected)));
  }
}

/** Presses Tab until the focused element matches; every stop must show a focus indicator. */
async function tabTo(tab: SweepTab, match: (f: FocusFacts) => boolean, what: string, faults: string[], limit = 40): Promise<FocusFacts> {
  for (let i = 0; i < limit; i += 1) {
    await tab.press('Tab');
    const focus = await tab.evaluate<FocusFacts>(FOCUS_FACTS);
    if (match(focus)) {
      if (!focus.indicated) faults.push(`${tab.browser} keyboard: no visible focus on ${what} (${focus.tag} 「${focus.text}」)`);
      return focus;
    }
  }
  throw new Error(`${tab.browser}: ${what} not reached with Tab in ${limit} presses`);
}

const ADMIN_SCREENS = (w: World): [string, string, Expected?][] => [
  ['#/console', '受付 (console)'],
  ['#/calendar', '予約カレンダー'],
  ['#/consultations', '相談記録'],
  [`#/consultations/${w.consultationId}`, '相談記録 (one record)'],
  ['#/reports', 'レポート'],
  ['#/settings/departments', '設定 → 部署'],
  ['#/settings/staff', '設定 → 職員'],
  ['#/settings/kiosks', '設定 → 端末'],
  ['#/settings/booking', '設定 → 予約枠'],
  ['#/settings/integrations', '設定 → 連携'],
  ['#/settings/phrases', '設定 → 定型文'],
  ['#/settings/forms', '設定 → 申請書式'],
  ['#/audit', '監査ログ'],
  ['#/operations', '運用状況'],
  [`#/appointments/${w.appointmentId}/slip`, '受付票'],
  ['#/check', '接続チェック'],
  ['#/no-such-screen', 'an unknown address'],
];

const STAFF_SCREENS = (w: World): [string, string, Expected?][] => [
  ['#/console', 'staff 受付 (console)'],
  ['#/consultations', 'staff 相談記録'],
  [`#/consultations/${w.consultationId}`, 'staff 相談記録 (one record)'],
  ['#/settings/departments', 'staff opening an admin screen'],
  ['#/check', 'staff 接続チェック'],
];

/** Marks the control of the field labelled `label` (its start), in the open dialog if any, so tab.type() can reach it. */
const MARK_FIELD = (label: string, mark: string) => `
  (() => {
    const dialog = [...document.querySelectorAll('[role=dialog], dialog[open]')].pop() || document.querySelector('main');
    document.querySelectorAll('[data-walk-field=' + JSON.stringify(${JSON.stringify(mark)}) + ']').forEach((e) => e.removeAttribute('data-walk-field'));
    const found = dialog && [...dialog.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(${JSON.stringify(label)}));
    const control = found && (found.control || document.getElementById(found.htmlFor));
    if (control) control.setAttribute('data-walk-field', ${JSON.stringify(mark)});
    return Boolean(control);
  })()
`;

/** The open dialog's submit button (the staff dialog's reads the same as the button that opens it). */
const SUBMIT_DIALOG = `(() => {
  const dialog = [...document.querySelectorAll('[role=dialog], dialog[open]')].pop();
  const button = dialog && dialog.querySelector('button[type=submit]:not([disabled])');
  if (button) button.click();
  return Boolean(button);
})()`;

const dialogSays = (text: string) =>
  `[...document.querySelectorAll('[role=dialog], dialog[open]')].some((d) => d.innerText.includes(${JSON.stringify(text)}))`;

/**
 * Wrong inputs in the add dialogs of 設定 → 部署 and 職員: empty fields are named at the field,
 * and a code or login ID already taken is said as such (not as an appointment overlap).
 */
async function wrongInputs(tab: SweepTab, faults: string[]): Promise<void> {
  const cases = [
    { hash: '#/settings/departments', open: '部署を追加', empty: ['名前を入力してください。', 'コードは半角英小文字'], fields: [['名前（日本語）', '重複テスト課'], ['コード', 'kosodate']], taken: 'このコードは別の部署が使っています' },
    { hash: '#/settings/staff', open: '職員を招待', empty: ['ログインIDは半角英数字', '氏名を入力してください。'], fields: [['ログインID', 'demo-staff'], ['氏名', '重複 テスト']], taken: 'このログインIDは別の職員が使っています' },
  ];
  for (const c of cases) {
    const label = `${c.hash} wrong inputs`;
    try {
      await visitHash(tab, c.hash);
      await settle(tab, c.hash);
      tab.problems = [];
      await waitFor(tab, clickButton(c.open), c.open);
      await waitFor(tab, `Boolean(document.querySelector('[role=dialog], dialog[open]'))`, `the ${c.open} dialog`);
      await waitFor(tab, SUBMIT_DIALOG, `${c.open}: submit with every field empty`);
      for (const words of c.empty) {
        try {
          await waitFor(tab, dialogSays(words), `「${words}」`, 5_000);
        } catch {
          faults.push(`${tab.browser} ${label}: saving empty fields does not say 「${words}…」`);
        }
      }
      for (const [field, value] of c.fields) {
        await waitFor(tab, MARK_FIELD(field ?? '', field ?? ''), `the field ${field}`, 5_000);
        await tab.type(`[data-walk-field="${field}"]`, value ?? '');
      }
      await waitFor(tab, SUBMIT_DIALOG, `${c.open}: submit with a taken value`);
      try {
        await waitFor(tab, dialogSays(c.taken), `「${c.taken}」`, 10_000);
      } catch {
        const said = await tab.evaluate<string>(`([...document.querySelectorAll('[role=dialog], dialog[open]')].pop() || document.body).innerText.slice(-200)`);
        faults.push(`${tab.browser} ${label}: a taken value is not said as taken; the dialog ends with: ${said}`);
      }
      faults.push(...tab.problems.filter((p) => !/^409 POST \/api\/(departments|staff)$/.test(p)).map((p) => `${tab.browser} ${label}: ${p}`));
      tab.problems = [];
      await waitFor(tab, clickButton('キャンセル'), 'キャンセル');
    } catch (error) {
      faults.push(`${tab.browser} ${label}: ${(error as Error).message}`);
    }
  }
}

/** Replaces the text of a marked field (select it, then type over it). */
async function retype(tab: SweepTab, label: string, text: string): Promise<void> {
  await waitFor(tab, MARK_FIELD(label, label), `the field ${label}`, 5_000);
  await tab.evaluate(`document.querySelector('[data-walk-field="${label}"]').select()`);
  await tab.type(`[data-walk-field="${label}"]`, text);
}

/**
 * Wrong inputs in 設定 → 連携: an empty key name and URLs the server refuses (http, a loopback
 * address) are each said in Japanese at the field, with what to change or whom to ask.
 */
async function wrongIntegrationInputs(tab: SweepTab, faults: string[]): Promise<void> {
  const label = '設定 → 連携 wrong inputs';
  const says = (text: string) => `document.querySelector('main').innerText.includes(${JSON.stringify(text)})`;
  const expectSaid = async (text: string, after: string) => {
    try {
      await waitFor(tab, says(text), `「${text}」`, 10_000);
    } catch {
      faults.push(`${tab.browser} ${label}: after ${after} the page does not say 「${text}…」`);
    }
  };
  try {
    await visitHash(tab, '#/settings/integrations');
    await settle(tab, '設定 → 連携');
    tab.problems = [];
    await waitFor(tab, clickButton('APIキーを発行'), 'APIキーを発行 with no name');
    await expectSaid('キーの名前（連携先）を入力してください。', 'APIキーを発行 with no name');
    for (const [url, words] of [
      ['not a url', '送信先URLの形が正しくありません。'],
      ['http://example.com/madoguchi', '送信先URLは https:// で始めてください。'],
      ['https://127.0.0.1/madoguchi', '127.0.0.1 はサーバー自身のアドレス（127.0.0.1）につながるため登録できません。'],
    ] as const) {
      await retype(tab, '送信先URL', url);
      await waitFor(tab, clickButton('送信先を登録'), `送信先を登録 with ${url}`);
      await expectSaid(words, `送信先を登録 with ${url}`);
      if (await tab.evaluate<boolean>(says('入力内容に誤りがあります'))) faults.push(`${tab.browser} ${label}: ${url} also gets the general English-detailed error`);
    }
    faults.push(...tab.problems.filter((p) => !/^400 POST \/api\/webhooks$/.test(p)).map((p) => `${tab.browser} ${label}: ${p}`));
    tab.problems = [];
  } catch (error) {
    faults.push(`${tab.browser} ${label}: ${(error as Error).message}`);
  }
}

/** The login form with the keyboard only: Tab to each field, type, Enter. */
async function keyboardLogin(tab: SweepTab, loginId: string, faults: string[]): Promise<void> {
  await tabTo(tab, (f) => f.name === 'loginId', 'ログインID', faults);
  await tab.evaluate(`document.activeElement.select && document.activeElement.select()`);
  await typeFocused(tab, loginId);
  await tabTo(tab, (f) => f.name === 'password', 'パスワード', faults);
  await typeFocused(tab, 'test-password');
  await tab.press('Enter');
}

async function typeFocused(tab: SweepTab, text: string): Promise<void> {
  for (const ch of text) await tab.press(ch);
}

async function logout(tab: SweepTab): Promise<void> {
  await waitFor(tab, clickButton('ログアウト'), 'ログアウト');
  await waitFor(tab, `Boolean(document.querySelector('input[name=loginId]'))`, 'the login form after logging out');
}

async function walkStaffApp(tab: SweepTab, world: World, faults: string[]): Promise<void> {
  const url = world.server.url;
  await tab.goto(`${url}/`);
  await waitFor(tab, `Boolean(document.querySelector('input[name=loginId]'))`, 'the login form');
  await settle(tab, 'the login page');
  faults.push(...(await inspect(tab, 'ログイン')));

  // The language switch changes the words (and the document's language), then back.
  const before = await tab.evaluate<string>(`document.querySelector('form button[type=submit]').textContent.trim()`);
  await waitFor(tab, `(() => { const b = document.querySelector('.language-switch button[lang=en]'); if (b) b.click(); return Boolean(b); })()`, 'English in the language switch');
  await waitFor(tab, `document.documentElement.lang === 'en' && Boolean(document.querySelector('input[name=loginId]'))`, 'the login page in English');
  const english = await tab.evaluate<string>(`document.querySelector('form button[type=submit]').textContent.trim()`);
  if (english === before || /[\u3040-\u30ff\u4e00-\u9fff]/.test(english)) faults.push(`${tab.browser} language switch: the login button still reads 「${english}」`);
  faults.push(...(await inspect(tab, 'login in English', [], { lang: 'en' })));
  await waitFor(tab, `(() => { const b = document.querySelector('.language-switch button[lang=ja]'); if (b) b.click(); return Boolean(b); })()`, '日本語 in the language switch');
  await waitFor(tab, `document.documentElement.lang === 'ja' && Boolean(document.querySelector('input[name=loginId]'))`, 'the login page in Japanese again');

  await keyboardLogin(tab, 'demo-admin', faults);
  await waitFor(tab, `Boolean(document.querySelector('nav'))`, 'the admin app after a keyboard login');
  await walkScreens(tab, ADMIN_SCREENS(world), faults);
  await wrongInputs(tab, faults);
  await wrongIntegrationInputs(tab, faults);
  // The header's language switch too: the menu's words change.
  await visitHash(tab, '#/consultations');
  await settle(tab, '相談記録');
  await waitFor(tab, `(() => { const b = document.querySelector('.language-switch button[lang=en]'); if (b) b.click(); return Boolean(b); })()`, 'English in the header');
  await waitFor(tab, `document.documentElement.lang === 'en' && Boolean(document.querySelector('nav'))`, 'the app in English');
  await settle(tab, 'records in English');
  const nav = await tab.evaluate<string>(`document.querySelector('nav').innerText`);
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(nav)) faults.push(`${tab.browser} language switch: the menu still has Japanese: ${nav}`);
  faults.push(...(await inspect(tab, 'records in English', [], { lang: 'en' })));
  await waitFor(tab, `(() => { const b = document.querySelector('.language-switch button[lang=ja]'); if (b) b.click(); return Boolean(b); })()`, '日本語 in the header');
  await waitFor(tab, `document.documentElement.lang === 'ja' && Boolean(document.querySelector('nav'))`, 'the app in Japanese again');
  await logout(tab);

  await keyboardLogin(tab, 'demo-staff', faults);
  await waitFor(tab, `Boolean(document.querySelector('nav'))`, 'the staff app after a keyboard login');
  await walkScreens(tab, STAFF_SCREENS(world), faults);
  await logout(tab);
}

async function walkGuestAndBooking(tab: SweepTab, world: World, faults: string[]): Promise<void> {
  const url = world.server.url;
  // A guest link whose call is over or whose token is wrong: refused, said in plain Japanese.
  for (const [hash, label] of [
    [`#/guest?consultation=${randomUUID()}&token=${'x'.repeat(43)}`, 'guest page, a bad link'],
    ['#/guest', 'guest page, a link cut short'],
  ] as const) {
    tab.problems = [];
    await tab.goto(`${url}/?walk=${label.length}${hash}`);
    try {
      await settle(tab, label);
    } catch (error) {
      faults.push(`${tab.browser} ${label}: ${(error as Error).message}`);
      continue;
    }
    faults.push(...(await inspect(tab, label, [/^40[134] POST \/api\/guest/])));
  }

  // A private booking link that is not (or no longer) valid.
  tab.problems = [];
  await tab.goto(`${url}/book/#/b/${'A'.repeat(43)}`);
  await settle(tab, 'booking page, a bad private link');
  await new Promise((resolve) => setTimeout(resolve, 600));
  faults.push(...(await inspect(tab, 'booking page, a bad private link', [/^404 GET \/api\/public\/bookings\//])));

  // /book/ with the keyboard only: department, topic, kiosk, a time, the form, confirm.
  tab.problems = [];
  await tab.goto(`${url}/book/`);
  await settle(tab, '/book/');
  faults.push(...(await inspect(tab, '/book/ departments')));
  const choose = async (text: string, what: string) => {
    await waitFor(tab, `[...document.querySelectorAll('#main button')].some((b) => b.textContent.trim().startsWith(${JSON.stringify(text)}))`, what);
    await tabTo(tab, (f) => f.tag === 'button' && f.text.startsWith(text), what, faults, 60);
    await tab.press('Enter');
  };
  await choose(world.departmentName, 'the department');
  await choose(world.topicName, 'the topic');
  await choose(world.kioskName, 'the kiosk');
  await waitFor(tab, `Boolean(document.querySelector('button.time'))`, 'free times', 30_000);
  await settle(tab, '/book/ times');
  faults.push(...(await inspect(tab, '/book/ times')));
  await tabTo(tab, (f) => f.tag === 'button' && /^\d{1,2}:\d{2}/.test(f.text), 'a free time', faults, 80);
  await tab.press(' ');
  await waitFor(tab, `Boolean(document.querySelector('#resident-name'))`, 'the resident form');
  faults.push(...(await inspect(tab, '/book/ form')));
  await tabTo(tab, (f) => f.name === 'resident-name', 'お名前', faults);
  await typeFocused(tab, 'Madoguchi Hanako');
  // Kana typed as text (an IME would give it); the field takes what the keyboard sends.
  await tabTo(tab, (f) => f.name === 'resident-kana', 'ふりがな', faults);
  await tab.evaluate(`(() => { const el = document.activeElement; el.value = 'マドグチ ハナコ'; el.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await tabTo(tab, (f) => f.name === 'resident-email', 'メールアドレス', faults);
  await typeFocused(tab, 'hanako@example.jp');
  await tabTo(tab, (f) => f.tag === 'button' && f.text === '次へ', '次へ', faults);
  await tab.press('Enter');
  await waitFor(tab, `document.body.innerText.includes('この内容で予約する')`, 'the confirmation step');
  faults.push(...(await inspect(tab, '/book/ confirm')));
  await tabTo(tab, (f) => f.tag === 'button' && f.text === 'この内容で予約する', 'この内容で予約する', faults);
  await tab.press('Enter');
  await waitFor(tab, `[...document.querySelectorAll('h2, h1')].some((h) => h.textContent.includes('予約しました'))`, 'the booked screen', 60_000);
  faults.push(...(await inspect(tab, '/book/ booked')));

  // The language choice changes the words.
  await tab.evaluate(`(() => { const s = document.getElementById('language'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
  await waitFor(tab, `document.documentElement.lang === 'en'`, 'the booking page in English');
  const title = await tab.evaluate<string>(`document.querySelector('h1').textContent`);
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(title)) faults.push(`${tab.browser} /book/ in English still titled 「${title}」`);
  faults.push(...(await inspect(tab, '/book/ in English', [], { lang: 'en' })));
  await tab.evaluate(`localStorage.clear()`);
}

/** A call answered, hung up and recorded with the keyboard only, from this tab's desk. */
async function keyboardCall(tab: SweepTab, world: World, kiosk: BrowserHandle, faults: string[]): Promise<void> {
  await tab.goto(`${world.server.url}/`);
  await waitFor(tab, `Boolean(document.querySelector('input[name=loginId]'))`, 'the login form');
  await keyboardLogin(tab, 'demo-staff', faults);
  await waitFor(tab, `document.body.innerText.includes('呼び出し中の窓口')`, 'the console');
  tab.problems = [];
  await walkInAtKiosk(kiosk.page, world.server.url, world.server.demo.kioskCredential);
  await kiosk.page.getByRole('button', { name: new RegExp(world.departmentName) }).first().click({ timeout: 15_000 });
  await waitFor(tab, `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === '応答')`, '応答 offered');
  await tabTo(tab, (f) => f.tag === 'button' && f.text === '応答', '応答', faults, 80);
  await tab.press('Enter');
  await waitFor(tab, `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === '通話を終了')`, 'the call', 30_000);
  // The resident's picture decoded in this browser, not only a call on screen (a remote video has a
  // size only once a frame is decoded; Firefox counts no playback frames for a MediaStream).
  await waitFor(tab, `[...document.querySelectorAll('video[aria-label="住民の方の映像"]')].some((v) => v.videoWidth > 0 && v.readyState >= 2)`, "the resident's picture decoded", 30_000);
  await tabTo(tab, (f) => f.tag === 'button' && f.text === '通話を終了', '通話を終了', faults, 80);
  await tab.press('Enter');
  await waitFor(tab, `Boolean(document.querySelector('[role=dialog], dialog[open]'))`, 'the hang-up confirmation');
  await tabTo(tab, (f) => f.tag === 'button' && f.text === '終了する', '終了する', faults, 10);
  await tab.press('Enter');
  await waitFor(tab, `document.body.innerText.includes('記録して待ち列へ戻る')`, 'the outcome form', 20_000);
  // The outcome list has focus first (autoFocus); an arrow key picks a value without opening it.
  try {
    await waitFor(tab, `document.activeElement && document.activeElement.tagName === 'SELECT'`, 'focus on the outcome', 5_000);
  } catch {
    const focus = await tab.evaluate<FocusFacts>(FOCUS_FACTS);
    faults.push(`${tab.browser} keyboard: after hanging up, focus is on ${focus.tag} 「${focus.text}」, not on the outcome`);
    await tabTo(tab, (f) => f.tag === 'select', 'the outcome', faults, 60);
  }
  await tab.press('ArrowDown');
  const chosen = await tab.evaluate<string>(`document.activeElement.value`);
  if (!chosen) faults.push(`${tab.browser} keyboard: ArrowDown chose no outcome`);
  await tabTo(tab, (f) => f.tag === 'textarea', 'メモ', faults, 5);
  await typeFocused(tab, 'keyboard only');
  await tabTo(tab, (f) => f.tag === 'button' && f.text === '記録して待ち列へ戻る', '記録して待ち列へ戻る', faults, 5);
  await tab.press('Enter');
  await waitFor(tab, `!document.body.innerText.includes('記録して待ち列へ戻る')`, 'the outcome recorded', 20_000);
  // This desk's latest call (the demo data's calls belong to other days), read until its outcome lands.
  const latest = async () =>
    ((await world.server.db.dataSource.query(
      `SELECT outcome_code AS outcome, notes FROM consultation_session s JOIN staff_user u ON u.id = s.staff_id WHERE u.login_id = 'demo-staff' ORDER BY s.queued_at DESC LIMIT 1`,
    )) as { outcome: string | null; notes: string | null }[])[0];
  let row = await latest();
  for (let i = 0; i < 20 && !(row?.notes === 'keyboard only' && row.outcome); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    row = await latest();
  }
  if (row?.notes !== 'keyboard only' || !row.outcome) faults.push(`${tab.browser} keyboard: the outcome was not recorded: ${JSON.stringify(row)}`);
  for (const problem of tab.problems) faults.push(`${tab.browser} call: ${problem}`);
  tab.problems = [];
  await logout(tab);
}

describe('every screen, walked as a new user in Chromium and in Firefox ESR', () => {
  let world: World;
  let kiosk: BrowserHandle;
  before(async () => {
    world = await buildWorld();
    kiosk = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await world?.server.close();
  });

  for (const browser of ['chromium', 'firefox'] as const) {
    it(`${browser}: login, every admin and staff screen, the guest page, /book/ and a call, keyboard included`, { timeout: 300_000, skip: browser === 'firefox' ? firefoxMissing : false }, async () => {
      const started = Date.now();
      const tab = browser === 'chromium' ? await openChromiumTab() : await openFirefoxTab();
      try {
        const faults: string[] = [];
        // Each part reports what it found even when a later step of it gets stuck.
        for (const part of [walkStaffApp, walkGuestAndBooking, (t: SweepTab, w: World, f: string[]) => keyboardCall(t, w, kiosk, f)]) {
          try {
            await part(tab, world, faults);
          } catch (error) {
            faults.push(`${browser} stuck: ${(error as Error).message}`, ...tab.problems.map((p) => `${browser} meanwhile: ${p}`));
            tab.problems = [];
          }
        }
        assert.deepEqual(faults, [], `faults found walking in ${browser}:\n${faults.join('\n')}`);
        const seconds = (Date.now() - started) / 1000;
        assert.ok(seconds < 180, `the ${browser} walk stays under 3 minutes (${seconds} s)`);
      } finally {
        await tab.close();
      }
    });
  }
});
