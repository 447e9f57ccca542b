import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Department } from '@madoguchi/contract/departments';
import { bookDemoKiosk, halfHourSoon } from '../fixtures/scheduling';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { loginAtDesk } from '../helpers/call-flow';
import { closeAll } from '../helpers/close-all';
import { restClient, type RestClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, openKiosk } from './kiosk-e2e-support';

/**
 * Issue 14: the admin's キオスクの表示 form (設定 → 端末) decides what the kiosk's public screen
 * shows: how much of a booked resident's name, and the phone number and hours offered when
 * nobody can answer. Changed through the admin app, seen on the kiosk at its next resident.
 */
describe('the admin changes what the kiosk shows, and the kiosk shows it (Chromium)', () => {
  let server: TestServer;
  let adminApi: RestClient;
  let department: Department;
  let admin: BrowserHandle;
  let kiosk: BrowserHandle;

  /** A booking at this kiosk starting within the hour, so its code checks in now. */
  let booked = 0;
  const book = async (residentName: string): Promise<string> => {
    // Each booking in its own half hour at this kiosk, all starting within the hour.
    const appointment = await bookDemoKiosk(adminApi, server, { departmentId: department.id, ...halfHourSoon(5, booked), residentName });
    booked += 1;
    assert.ok(appointment.checkInCode);
    return appointment.checkInCode;
  };

  const checkIn = async (page: Page, code: string): Promise<void> => {
    await openKiosk(page, server);
    await page.getByRole('button', { name: 'はじめる' }).click();
    await page.getByRole('button', { name: /予約があります/ }).click();
    // The sixth digit sends the code by itself.
    for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).click();
  };

  const displayForm = (page: Page) => page.getByRole('region', { name: 'キオスクの表示' });

  before(async () => {
    server = await startTestServer();
    adminApi = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    department = await createDepartment(server, { code: 'kosodate', name: '子育て支援課', icon: 'child' });
    admin = await openBrowser();
    kiosk = await openBrowser();
    await loginAtDesk(admin.page, server.url, 'demo-admin');
    // An admin with the app open could answer anyone: 離席中, so the kiosk says nobody can answer.
    await admin.page.getByRole('button', { name: '離席中' }).click({ timeout: 15_000 });
    await admin.page.getByRole('link', { name: '設定' }).click();
    await admin.page.getByRole('link', { name: '端末' }).click();
  });
  after(() => closeAll(admin, kiosk, server));

  it('initials, a phone number and hours saved in the admin app appear on the kiosk', async () => {
    const form = displayForm(admin.page);
    await form.waitFor({ timeout: 15_000 });
    // The town's default: the family name only.
    assert.ok(await form.getByRole('radio', { name: /^姓だけ/ }).isChecked());
    await form.getByRole('radio', { name: /^イニシャル/ }).check();
    await form.getByLabel('電話番号').fill('0120-987-654');
    await form.getByLabel('受付時間').fill('平日 9:00〜16:00');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('キオスクの表示を保存しました。').waitFor({ timeout: 10_000 });

    await checkIn(kiosk.page, await book('Sasaki Tome'));
    await kiosk.page.getByText('S. T. 様、順番にお呼びします').waitFor({ timeout: 15_000 });
    assert.equal(await kiosk.page.getByText(/Sasaki|Tome/).count(), 0, 'neither the family nor the given name is shown');
    // Nobody of 子育て支援課 is online: the resident is offered the town's phone and hours.
    await kiosk.page.getByText('お電話でのご相談：0120-987-654').waitFor({ timeout: 15_000 });
    await kiosk.page.getByText('受付時間：平日 9:00〜16:00').waitFor();
    await kiosk.page.getByRole('button', { name: 'やめる' }).click();
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 10_000 });
  });

  it('no name and no phone number: the next resident sees neither, and the hours still', async () => {
    const form = displayForm(admin.page);
    await form.getByRole('radio', { name: '表示しない' }).check();
    await form.getByLabel('電話番号').fill('');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('キオスクの表示を保存しました。').waitFor({ timeout: 10_000 });
    // What the server keeps, read back by reloading the admin page.
    await admin.page.reload();
    await displayForm(admin.page).waitFor({ timeout: 15_000 });
    assert.ok(await displayForm(admin.page).getByRole('radio', { name: '表示しない' }).isChecked());
    assert.equal(await displayForm(admin.page).getByLabel('電話番号').inputValue(), '');

    await checkIn(kiosk.page, await book('Tanaka Hanako'));
    // The waiting title without a name (the same as a walk-in's).
    await kiosk.page.getByRole('status').filter({ hasText: /^職員を呼び出しています$/ }).waitFor({ timeout: 15_000 });
    await kiosk.page.getByText('受付時間：平日 9:00〜16:00').waitFor({ timeout: 15_000 });
    assert.equal(await kiosk.page.getByText(/Tanaka|Hanako|T\. H\./).count(), 0, 'no name at all');
    assert.equal(await kiosk.page.getByText(/お電話でのご相談/).count(), 0, 'no phone line without a number');
    await kiosk.page.getByRole('button', { name: 'やめる' }).click();
  });
});
