import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { Department } from '@madoguchi/contract/departments';
import type { Page as ApiPage } from '@madoguchi/contract/pagination';
import type { Report } from '@madoguchi/contract/reports';
import { assignDepartments } from '../fixtures/members';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { closeAll } from '../helpers/close-all';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { hangUpAtDesk, loginAtDesk } from '../helpers/call-flow';
import { until } from '../helpers/poll';

/**
 * The whole booked path through the real apps: an admin books in the calendar, the resident
 * checks in at the kiosk with the code, staff answer from the queue, they talk, and the report
 * counts it. The server's domain clock runs from a fixed Japan weekday morning so the test
 * does not depend on when it runs; tokens use real time.
 */
const DAY = '2030-04-01';
const clockStart = Date.parse(`${DAY}T10:05:00+09:00`);
const realStart = Date.now();
const domainNow = (): Date => new Date(clockStart + (Date.now() - realStart));

describe('an admin books a resident, who checks in at the kiosk and is answered; the report counts it', () => {
  let server: TestServer;
  let admin: BrowserHandle;
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0, now: domainNow });
    const adminApi = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const kosodate = expectStatus(await adminApi.call<Department>('createDepartment', { body: { code: 'kosodate', name: '子育て支援課', icon: 'child' } }), 201);
    // Booked residents are answered by their department's members only.
    await assignDepartments(adminApi, 'demo-staff', [kosodate.id]);
    admin = await openBrowser();
  });
  after(() => closeAll(admin, kiosk, staff, server));

  it('books in the calendar, checks in by code, calls, and reports', async () => {
    // The admin books 10:15-10:45 in the calendar dialog.
    const page = admin.page;
    await page.goto(`${server.url}/`);
    await page.getByLabel('ログインID').fill('demo-admin');
    await page.getByLabel('パスワード').fill('test-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('link', { name: '予約カレンダー' }).click({ timeout: 15_000 });
    // The calendar says which hours its grid covers and how to book outside them (as the README does).
    await page.getByText('表に出るのは 8:30〜17:30（日本時間）です。', { exact: false }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '新しい予約' }).first().click({ timeout: 15_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('部署').selectOption({ label: '子育て支援課' });
    await dialog.getByLabel('端末（相談する場所）').selectOption({ label: '中央図書館 相談窓口（中央図書館 1階）' });
    await dialog.getByLabel('日付').fill(DAY);
    await dialog.getByLabel('開始時刻').fill('10:15');
    await dialog.getByLabel('住民の氏名').fill('山田 太郎');
    await dialog.getByText('ほかの予約との重なりはありません。').waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: '予約を登録' }).click();
    await page.getByText('予約を登録しました。').waitFor({ timeout: 10_000 });

    const adminApi = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const booked = expectStatus(await adminApi.call<ApiPage<Appointment>>('listAppointments', { query: { status: 'scheduled' } }), 200);
    const appointment = booked.items.find((a) => a.residentName === '山田 太郎');
    assert.ok(appointment?.checkInCode, 'the calendar booking has a check-in code');
    assert.equal(appointment.startsAt, new Date(`${DAY}T10:15:00+09:00`).toISOString(), 'the time typed is Japan time');
    await admin.close();
    // What the booking says about the resident, and a second appointment of theirs a week later.
    expectStatus(await adminApi.call('updateAppointment', {
      params: { id: appointment.id },
      body: { needs: { interpreter: false, hearingSupport: true, wheelchair: true, other: '' }, topic: '児童手当の申請', notes: '書類を持参予定' },
    }), 200);
    expectStatus(await adminApi.call('createAppointment', {
      body: {
        departmentId: appointment.departmentId, kioskId: appointment.kioskId, residentName: '山田 太郎', topic: '児童手当の書類確認',
        startsAt: new Date(`2030-04-08T10:15:00+09:00`).toISOString(), endsAt: new Date(`2030-04-08T10:45:00+09:00`).toISOString(),
      },
    }), 201);

    // The resident types the code on the kiosk's keypad.
    kiosk = await openBrowser();
    staff = await openBrowser();
    await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 15_000 });
    await kiosk.page.getByRole('button', { name: /予約があります/ }).click();
    for (const digit of appointment.checkInCode) {
      await kiosk.page.getByRole('button', { name: digit, exact: true }).click();
    }
    // The sixth digit sends the code by itself.
    await kiosk.page.getByText('山田 様、順番にお呼びします').waitFor({ timeout: 15_000 });

    // Staff see the booked resident in the queue and answer.
    await staff.page.getByText('山田 太郎').first().waitFor({ timeout: 15_000 });
    await staff.page.getByRole('button', { name: '応答' }).first().click();
    const talking = (m: { videoFramesDecoded: number; audioPacketsReceived: number }): boolean => m.videoFramesDecoded > 10 && m.audioPacketsReceived > 10;
    const [atStaff, atKiosk] = await Promise.all([waitForMedia(staff.page, talking), waitForMedia(kiosk.page, talking)]);
    assert.ok(talking(atStaff) && talking(atKiosk), 'both sides decode each other');
    assert.equal(await kiosk.page.getByText('山田 太郎').count(), 0, 'the resident name leaves the kiosk screen once the call starts');
    // In the call the desk keeps the booking in view: name, language, needs, topic, notes and the other appointment.
    const context = staff.page.getByRole('region', { name: '住民の方' });
    await context.getByText('山田 太郎').waitFor({ timeout: 10_000 });
    for (const text of ['日本語', '聴覚支援', '車いす', '児童手当の申請', '書類を持参予定', '児童手当の書類確認']) {
      assert.ok(await context.getByText(text).first().isVisible(), `the call view shows ${text}`);
    }
    await hangUpAtDesk(staff.page);
    await kiosk.page.getByRole('button', { name: /^満足/ }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });

    const after = expectStatus(await adminApi.call<Appointment>('getAppointment', { params: { id: appointment.id } }), 200);
    assert.equal(after.status, 'completed');

    // The admin's report for that day counts one booked, answered consultation rated 4.
    admin = await openBrowser();
    await admin.page.goto(`${server.url}/#/reports`);
    await admin.page.getByLabel('ログインID').fill('demo-admin');
    await admin.page.getByLabel('パスワード').fill('test-password');
    await admin.page.getByRole('button', { name: 'ログイン' }).click();
    await admin.page.getByRole('link', { name: 'レポート' }).click({ timeout: 15_000 });
    await admin.page.getByLabel('開始日').fill(DAY);
    await admin.page.getByLabel('終了日').fill(DAY);
    await admin.page.getByRole('button', { name: '集計する' }).click();
    const totals = admin.page.locator('tfoot tr').first();
    await totals.waitFor({ timeout: 15_000 });
    // The default range's table may still be on screen for a moment: wait for the chosen day's.
    await until(async () => (await totals.locator('td').first().textContent())?.trim(), (n) => n === '1', { timeoutMs: 10_000, what: 'the report table counts the consultation', intervalMs: 250 });
    // The CSV names every column as the screen does (予約なし, 応答前終了…), units aside.
    const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByRole('button', { name: 'CSVを書き出す' }).click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const csvHeader = (csv.split('\r\n')[0] ?? '').split(',');
    const screenHeader = (await admin.page.locator('table.table--figures thead th').allTextContents()).map((text) => text.trim());
    for (const label of screenHeader) assert.ok(csvHeader.some((column) => column.startsWith(label)), `the CSV has the screen's column 「${label}」: ${csvHeader.join(',')}`);
    assert.ok(screenHeader.includes('予約なし') && screenHeader.includes('応答前終了'), `screen columns: ${screenHeader.join(',')}`);
    const report = expectStatus(await adminApi.call<Report>('report', { query: { from: DAY, to: DAY } }), 200);
    assert.equal(report.totals.consultations, 1);
    assert.equal(report.totals.booked, 1);
    assert.equal(report.totals.answered, 1);
    assert.deepEqual(report.totals.satisfaction, [0, 0, 0, 1, 0]);
  });
});
