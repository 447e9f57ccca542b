import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import type { FreeTimes } from '@madoguchi/contract/booking';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import type { Department } from '@madoguchi/contract/departments';
import { messagesFor } from '../../kiosk/src/i18n/messages';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, layoutProblems, openKiosk, setKioskTimings } from './kiosk-e2e-support';

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '17:00' }));

/** Reads the QR the booked screen shows, from its pixels, as a phone or the kiosk's camera would. */
async function qrOnScreen(page: Page): Promise<string | null> {
  const image = await page.evaluate(async () => {
    const img = document.querySelector<HTMLImageElement>('img.booked__qr');
    if (!img) return null;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 400;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 400, 400);
    context.drawImage(img, 0, 0, 400, 400);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  });
  if (!image) return null;
  return jsQR(Uint8ClampedArray.from(image), 400, 400)?.data ?? null;
}

/**
 * Issue 14, item 6, through the kiosk: nobody in the department can answer, the kiosk offers
 * 「この窓口で予約する」, the resident chooses a topic, a day and a time with big buttons only, a
 * time taken meanwhile is answered with the next free ones, and the booking ends in a check-in
 * code and its QR, which leave the screen when the resident walks away.
 */
describe('「この窓口で予約する」 at the kiosk (Chromium)', () => {
  let server: TestServer;
  let kiosk: BrowserHandle;
  let admin: RestClient;
  let department: Department;
  let kioskId: string;
  let topicId: string;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0 });
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    department = await createDepartment(server, { code: 'kosodate', name: '子育て支援課', icon: 'child', nameTranslations: { en: 'Child Support' } });
    kioskId = (await server.app.repositories.kiosks.findByName('中央図書館 相談窓口'))?.id ?? '';
    const rules = expectStatus(
      await admin.call<BookingRulesView>('updateBookingRules', {
        body: {
          policy: { horizonDays: 30, leadMinutes: 0, changeCutoffMinutes: 60, maxOpenPerContact: 3 },
          departments: [
            {
              departmentId: department.id,
              bookable: true,
              capacity: 1,
              hours: everyDay,
              topics: [
                { name: '児童手当', nameTranslations: { en: 'Child allowance' }, slotMinutes: 30 },
                { name: '保育園の入園', nameTranslations: { en: 'Nursery school' }, slotMinutes: 30 },
              ],
            },
          ],
          kiosks: [{ kioskId, bookable: true, hours: everyDay }],
          blockedDays: [],
        },
      }),
      200,
    );
    topicId = rules.departments[0]?.topics.find((t) => t.name === '児童手当')?.id ?? '';
    expectStatus(await admin.call('updateKioskDisplay', { body: { residentNameDisplay: 'family_name', counterPhone: '0120-123-456', openingHours: '平日 8:30〜17:15', offerBookingHere: true } }), 200);
    kiosk = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await server?.close();
  });

  it('books with big buttons only; a taken time offers the next ones; the code and QR leave with the resident', async () => {
    const { page } = kiosk;
    const text = messagesFor('ja');
    const button = (name: string | RegExp) => page.getByRole('button', { name });
    const problems: string[] = [];
    const check = async (screen: string) => problems.push(...(await layoutProblems(page, screen)));
    await openKiosk(page, server);
    // Long enough to press through the steps on a loaded machine; short enough to see the reset.
    await setKioskTimings(page, { inactivityMs: 15_000, idleWarningMs: 2_000 });
    await button('はじめる').click();
    await button(/予約なしで相談/).click();
    await button(/子育て支援課/).click();
    await page.getByText(text.waiting.nobody).waitFor({ timeout: 15_000 });
    await button(text.bookHere.offer).waitFor();
    await check('waiting with the offer');
    await button(text.bookHere.offer).click();

    // The queue is left: nobody is waiting any more.
    await page.getByRole('heading', { name: text.bookHere.topicTitle }).waitFor();
    await check('topic');
    const queued = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0];
    assert.notEqual(queued?.status, 'queued', 'the resident left the queue');
    await button('児童手当').click();

    await page.getByRole('heading', { name: text.bookHere.dayTitle }).waitFor();
    await page.getByText(text.bookHere.dayLead).waitFor({ timeout: 15_000 });
    await check('day');
    // What the kiosk is shown, read the way the kiosk reads it: the first free day and time.
    const kioskApi = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    const free = expectStatus(await kioskApi.call<FreeTimes>('kioskFreeTimes', { params: { id: kioskId }, query: { departmentId: department.id, topicId, days: 7 } }), 200);
    const firstDay = free.days.find((d) => d.times.length > 0);
    const [first, second] = firstDay?.times ?? [];
    assert.ok(firstDay && first && second, 'free times to choose from');
    await page.locator('.book-here__grid--days .big-button').first().click();
    await page.getByRole('heading', { name: /の時間を選んでください/ }).waitFor();
    await check('time');
    await page.locator('.book-here__grid--times .big-button').first().click();
    await page.getByRole('heading', { name: text.bookHere.confirmTitle }).waitFor();
    await page.getByText(text.bookHere.noTyping).waitFor();
    assert.equal(await page.locator('input, textarea').count(), 0, 'nothing to type');
    await check('confirm');

    // Staff book that very time at this kiosk meanwhile: the database refuses the kiosk's booking.
    expectStatus(
      await admin.call('createAppointment', {
        body: { departmentId: department.id, kioskId, startsAt: first.startsAt, endsAt: first.endsAt, residentName: '窓口 一郎', residentKana: 'マドグチ イチロウ' },
      }),
      201,
    );
    await button(text.bookHere.confirm).click();
    await page.getByRole('alert').filter({ hasText: text.bookHere.taken }).waitFor({ timeout: 15_000 });
    await check('taken');
    const offered = page.locator('.book-here__grid--times .big-button');
    assert.ok((await offered.count()) > 0, 'the next free times are offered');
    await offered.first().click();
    await button(text.bookHere.confirm).click();

    await page.getByRole('heading', { name: text.bookHere.doneTitle }).waitFor({ timeout: 15_000 });
    // Whether 「続けますか？」 shows before the reset, however long the checks below take.
    await page.evaluate(() => {
      const seen = window as unknown as { sawIdleWarning?: boolean };
      seen.sawIdleWarning = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="alertdialog"]')) seen.sawIdleWarning = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await check('booked 1280x800');
    const code = (await page.locator('.booked__code-digits').textContent())?.trim() ?? '';
    assert.match(code, /^\d{6}$/);
    assert.equal(await qrOnScreen(page), code, 'the QR carries the code');
    const rows: { source: string; resident_name: string; starts_at: Date; status: string }[] = await server.db.dataSource.query(
      `SELECT source, resident_name, starts_at, status FROM appointment WHERE check_in_code = $1 AND kiosk_id = $2`,
      [code, kioskId],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.source, 'kiosk');
    assert.equal(rows[0]?.resident_name, '', 'no name');
    assert.equal(rows[0]?.starts_at.toISOString(), new Date(second.startsAt).toISOString(), 'the next free time was booked');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await check('booked 1920x1080');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The resident walks away: 「続けますか？」, then Idle with nothing of the booking left.
    await button('はじめる').waitFor({ timeout: 40_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { sawIdleWarning?: boolean }).sawIdleWarning), true, '「続けますか？」 came first');
    assert.equal(await page.getByText(code).count(), 0, 'the code left the screen');
    assert.equal(await page.locator('img.booked__qr').count(), 0);
    assert.deepEqual(problems, []);
  });

  it('fits in English with large text; 「戻る」 walks back step by step; 「おわる」 clears the code', async () => {
    const { page } = kiosk;
    const text = messagesFor('en');
    const button = (name: string | RegExp, exact = true) => page.getByRole('button', { name, exact });
    const problems: string[] = [];
    const check = async (screen: string) => problems.push(...(await layoutProblems(page, `${screen} (en, large)`)));
    await button('English').click();
    await button(text.help.largeText).and(page.locator('[aria-pressed="false"]')).click();
    await button(text.idle.begin).click();
    await button(text.start.walkIn, false).click();
    await button(/Child Support/).click();
    await button(text.bookHere.offer).waitFor({ timeout: 15_000 });
    await check('waiting');
    await button(text.bookHere.offer).click();
    await page.getByRole('heading', { name: text.bookHere.topicTitle }).waitFor();
    await check('topic');
    await button('Child allowance').click();
    // Large text leaves the line about free days out: the days themselves say it.
    await page.locator('.book-here__grid--days .big-button').first().waitFor({ timeout: 15_000 });
    await check('day');
    await page.locator('.book-here__grid--days .big-button').first().click();
    await page.locator('.book-here__grid--times .big-button').first().click();
    await page.getByRole('heading', { name: text.bookHere.confirmTitle }).waitFor();
    await check('confirm');
    await button(text.back).click();
    await page.getByRole('heading', { name: text.bookHere.dayTitle }).waitFor();
    await button(text.back).click();
    await page.getByRole('heading', { name: text.bookHere.topicTitle }).waitFor();
    await button('Nursery school').click();
    await page.locator('.book-here__grid--days .big-button').first().waitFor({ timeout: 15_000 });
    await page.locator('.book-here__grid--days .big-button').last().click();
    await page.locator('.book-here__grid--times .big-button').last().click();
    await button(text.bookHere.confirm).click();
    await page.getByRole('heading', { name: text.bookHere.doneTitle }).waitFor({ timeout: 15_000 });
    await page.getByText(text.bookHere.dayOfLead).waitFor();
    await check('booked');
    await button(text.bookHere.finish).click();
    await button(messagesFor('ja').idle.begin).waitFor();
    assert.equal(await page.locator('.booked__code-digits').count(), 0, 'nothing of the booking is left');
    assert.deepEqual(problems, []);
  });
});
