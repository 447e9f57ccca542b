import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { Department } from '@madoguchi/contract/departments';
import type { Page as ApiPage } from '@madoguchi/contract/pagination';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { closeAll } from '../helpers/close-all';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** Japan's date and time (HH:MM, on a five-minute mark at or before) `minutesAgo` minutes ago: what the admin types. */
function japanSlotMinutesAgo(minutesAgo: number): { date: string; time: string; startsAt: string } {
  const start = Math.floor((Date.now() - minutesAgo * 60_000) / 300_000) * 300_000;
  const japan = new Date(start + 9 * 3_600_000).toISOString();
  return { date: japan.slice(0, 10), time: japan.slice(11, 16), startsAt: new Date(start).toISOString() };
}

/**
 * A town with NO_SHOW_GRACE_MINUTES=30: the admin registers a resident at the counter for the slot
 * that began over 20 minutes ago (not a no-show yet there), in the calendar dialog, on the real clock.
 */
describe('the appointment dialog follows the town\'s no-show grace (Chromium)', () => {
  let server: TestServer;
  let admin: BrowserHandle | undefined;

  before(async () => {
    server = await startTestServer({ noShowGraceMinutes: 30 });
    const adminApi = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    expectStatus(await adminApi.call<Department>('createDepartment', { body: { code: 'kosodate', name: '子育て支援課', icon: 'child' } }), 201);
  });
  after(() => closeAll(admin, server));

  it('books a walk-in slot begun 20-24 minutes ago, and names 30 minutes when one is older', async () => {
    admin = await openBrowser();
    const { page } = admin;
    await page.goto(`${server.url}/`);
    await page.getByLabel('ログインID').fill('demo-admin');
    await page.getByLabel('パスワード').fill('test-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('link', { name: '予約カレンダー' }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: '新しい予約' }).first().click({ timeout: 15_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('部署').selectOption({ label: '子育て支援課' });
    await dialog.getByLabel('端末（相談する場所）').selectOption({ label: '中央図書館 相談窓口（中央図書館 1階）' });
    await dialog.getByLabel('住民の氏名').fill('窓口 来太');

    // Too old even here: refused by the dialog itself, naming the town's 30 minutes.
    const old = japanSlotMinutesAgo(40);
    await dialog.getByLabel('日付').fill(old.date);
    await dialog.getByLabel('開始時刻').fill(old.time);
    await dialog.getByRole('button', { name: '予約を登録' }).click();
    await dialog.getByText('窓口に来た方をすぐ登録するときは、30分前までの開始時刻にできます', { exact: false }).waitFor({ timeout: 10_000 });

    const walkIn = japanSlotMinutesAgo(20);
    await dialog.getByLabel('日付').fill(walkIn.date);
    await dialog.getByLabel('開始時刻').fill(walkIn.time);
    await dialog.getByRole('button', { name: '予約を登録' }).click();
    await page.getByText('予約を登録しました。').waitFor({ timeout: 10_000 });
    const adminApi = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const booked = expectStatus(await adminApi.call<ApiPage<Appointment>>('listAppointments', { query: { status: 'scheduled' } }), 200);
    assert.deepEqual(booked.items.filter((a) => a.residentName === '窓口 来太').map((a) => a.startsAt), [walkIn.startsAt]);
  });
});
