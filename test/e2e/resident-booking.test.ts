import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import { bookPublicly, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { chromiumArgs, openBrowser, type BrowserHandle } from '../helpers/browser';
import { expectStatus } from '../helpers/rest-client';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { until } from '../helpers/poll';
import { seriousViolations } from './kiosk-e2e-support';

/**
 * Issue 19 through the real apps: a resident books on a phone, gets the confirmation mail from
 * a real SMTP relay, opens the private link and moves the booking, cancels another; the kiosk
 * checks in with the code; the admin's calendar shows the changes and who made them. The
 * domain clock starts on a Japan Monday morning and runs on with real time.
 */
const start = Date.parse('2030-04-01T09:30:00+09:00');
const realStart = Date.now();
const clock = { offset: 0 };
const domainNow = (): Date => new Date(start + clock.offset + (Date.now() - realStart));

describe('a resident books, moves and cancels on a phone, and checks in at the kiosk (issue 19)', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let world: SchedulingWorld;
  let rules: BookingRulesView;
  let phoneProfile: string;
  let phone: BrowserContext;
  let page: Page;
  let kiosk: BrowserHandle | undefined;
  let admin: BrowserHandle | undefined;

  before(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({ webRtcServerPort: 0, now: domainNow, mail: { smtpUrl: smtp.url, from: 'まどぐち <no-reply@example.jp>' } });
    world = await buildSchedulingWorld(server);
    phoneProfile = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-phone-'));
    phone = await chromium.launchPersistentContext(phoneProfile, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs(),
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: 'ja-JP',
    });
    page = phone.pages()[0] ?? (await phone.newPage());
  });
  after(async () => {
    await phone?.close();
    if (phoneProfile) rmSync(phoneProfile, { recursive: true, force: true });
    await kiosk?.close();
    await admin?.close();
    await server?.close();
    await smtp?.close();
  });

  it('an admin sets the booking rules in 設定 → 予約枠', async () => {
    admin = await openBrowser();
    const a = admin.page;
    await a.goto(`${server.url}/#/settings/booking`);
    await a.getByLabel('ログインID').fill('demo-admin');
    await a.getByLabel('パスワード').fill('test-password');
    await a.getByRole('button', { name: 'ログイン' }).click();
    const department = a.getByRole('group', { name: '子育て支援課' });
    await department.getByLabel('予約を受け付ける').check({ timeout: 20_000 });
    for (const day of ['月', '火', '水', '木', '金']) await department.getByLabel(day, { exact: true }).fill('09:00-12:00, 13:00-17:00');
    await department.getByRole('button', { name: '内容を追加' }).click();
    await department.getByLabel('内容', { exact: true }).fill('児童手当');
    await department.getByLabel('時間（分）').fill('30');
    for (const name of ['中央図書館 相談窓口', '北支所']) {
      const kiosk = a.getByRole('group', { name });
      await kiosk.getByLabel('予約ページに表示する').check();
      for (const day of ['月', '火', '水', '木', '金', '土']) await kiosk.getByLabel(day, { exact: true }).fill('09:00-17:00');
    }
    await a.getByLabel('予約を受け付けない日（祝日など）').fill('2030-04-29 昭和の日');
    await a.getByRole('button', { name: '保存' }).click();
    await a.getByText('予約枠を保存しました。').waitFor({ timeout: 15_000 });
    rules = expectStatus(await world.admin.call<BookingRulesView>('getBookingRules'), 200);
    const saved = rules.departments.find((d) => d.departmentId === world.departments[0]?.id);
    assert.equal(saved?.bookable, true);
    assert.equal(saved?.hours.length, 10);
    assert.deepEqual(saved?.topics.map((t) => [t.name, t.slotMinutes]), [['児童手当', 30]]);
    assert.deepEqual(rules.blockedDays, [{ day: '2030-04-29', label: '昭和の日' }]);
    await admin.close();
    admin = undefined;
  });

  it('books, mails, moves, cancels, checks in, and the calendar shows who changed what', async () => {
    await page.goto(`${server.url}/book/`);
    await page.getByRole('button', { name: '子育て支援課' }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '児童手当' }).click();
    await page.getByRole('button', { name: /中央図書館 相談窓口/ }).click();
    const tuesday = page.getByRole('group', { name: /4月2日/ });
    await tuesday.getByRole('button', { name: '10:00' }).click({ timeout: 15_000 });
    assert.deepEqual(await seriousViolations(page), [], 'the form has no serious accessibility problem');
    await page.getByLabel('お名前').fill('窓口 花子');
    await page.getByLabel('ふりがな（カタカナ）').fill('まどぐち はなこ');
    await page.getByLabel('メールアドレス').fill('hanako');
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByText('メールアドレスの形式を確認してください。').waitFor();
    await page.getByLabel('メールアドレス').fill('hanako@example.jp');
    await page.getByLabel('通訳').check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByText('窓口 花子（まどぐち はなこ）').waitFor();
    await page.getByRole('button', { name: 'この内容で予約する' }).click();
    await page.getByRole('heading', { name: '予約しました' }).waitFor({ timeout: 30_000 });
    const code = (await page.getByTestId('check-in-code').textContent()) ?? '';
    assert.match(code, /^\d{6}$/);
    assert.equal(await page.locator('.qr svg').count(), 1, 'the QR is shown');
    const link = (await page.getByTestId('manage-link').textContent()) ?? '';
    assert.match(link, /\/book\/#\/b\/[A-Za-z0-9_-]{43}$/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on the phone (${width} px)`);

    // The confirmation mail arrives through the relay, with the code and the same link.
    await server.app.booking.sender.runOnce();
    const mail = smtp.mails.find((m) => m.to.includes('hanako@example.jp'));
    assert.ok(mail, 'a confirmation was sent');
    assert.ok(mail.text.includes(`受付番号: ${code}`));
    const mailedLink = /https?:\/\/\S+\/book\/#\/b\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0] ?? '';
    assert.equal(mailedLink.split('#')[1], link.split('#')[1], 'the mail carries the page\'s link');

    // The resident opens the link (a fresh load of it) and moves the booking to 14:00.
    await page.goto(link);
    await page.reload();
    await page.getByRole('heading', { name: 'ご予約の内容' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '日時を変更する' }).click();
    await page.getByRole('group', { name: /4月2日/ }).getByRole('button', { name: '14:00' }).click({ timeout: 15_000 });
    await page.getByText('日時を変更しました。').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('check-in-code').textContent(), code, 'the code stays');

    // Another booking of theirs is cancelled from its own link.
    const other = expectStatus(await bookPublicly(server.url, { departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId, startsAt: '2030-04-03T10:00:00+09:00', email: 'hanako@example.jp' }), 201);
    await page.goto(`${server.url}/book/#/b/${other.manageToken}`);
    await page.getByRole('button', { name: '予約を取り消す' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'この予約を取り消します。よろしいですか？' }).waitFor();
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await page.getByText('予約を取り消しました。').waitFor({ timeout: 15_000 });
    await page.getByText('取り消し済み').waitFor();

    // On the day, at 13:30, the kiosk takes the code.
    clock.offset = Date.parse('2030-04-02T13:30:00+09:00') - start;
    kiosk = await openBrowser();
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: /予約があります/ }).click();
    for (const digit of code) await kiosk.page.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.page.getByText('窓口 様、順番にお呼びします').waitFor({ timeout: 15_000 });
    await kiosk.close();
    kiosk = undefined;

    // The admin opens it in the calendar: the history names the resident as the author.
    const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE check_in_code = $1 AND contact_email = 'hanako@example.jp' AND starts_at = '2030-04-02T05:00:00Z'`, [code]);
    admin = await openBrowser();
    await admin.page.goto(`${server.url}/#/calendar?date=2030-04-02&open=${rows[0]?.id ?? ''}`);
    await admin.page.getByLabel('ログインID').fill('demo-admin');
    await admin.page.getByLabel('パスワード').fill('test-password');
    await admin.page.getByRole('button', { name: 'ログイン' }).click();
    const history = admin.page.locator('.history');
    await history.waitFor({ timeout: 20_000 });
    const text = await until(async () => (await history.textContent()) ?? '', (t) => t.includes('住民本人（予約ページ）'), { timeoutMs: 10_000, what: 'the resident named as the author' });
    assert.ok(text.includes('14:00'), 'the move is shown with its new time');
  });
});
