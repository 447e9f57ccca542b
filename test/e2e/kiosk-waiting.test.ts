import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loginStaff } from '../helpers/api-client';
import { answerFirstInQueue, loginAtDesk } from '../helpers/call-flow';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer } from '../helpers/start-server';
import { kioskAndDesk } from '../fixtures/kiosk-and-desk';
import { openKiosk, setKioskTimings } from './kiosk-e2e-support';

/** Today in Japan, as the reports count days. */
const japanToday = (): string => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/**
 * Issue 14, items 1 and 6, through the UI: a waiting resident is never reset for sitting still
 * (short timers: the old kiosk warned after 1.5 s and cancelled 1.5 s later), hears every
 * "minute" how it stands, is told plainly when nobody can answer (with the town's phone and
 * hours) and 「まもなく」 when a specialist is free; the specialist who answers and finds nobody
 * ends the call as 「キオスクに人がいない」, which the record, the report and the CSV show.
 */
describe('waiting at the kiosk: no idle reset, honest forecasts, 「キオスクに人がいない」 (Chromium)', () => {
  const rig = kioskAndDesk(async () => {
    const server = await startTestServer({ webRtcServerPort: 0 });
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    expectStatus(
      await admin.call('updateKioskDisplay', { body: { residentNameDisplay: 'family_name', counterPhone: '0120-123-456', openingHours: '平日 8:30〜17:15' } }),
      200,
    );
    return server;
  });

  it('keeps a silent resident in the queue, reassures them, and says who can answer', async () => {
    const { server, kiosk, staff } = rig;
    const { page } = kiosk;
    await openKiosk(page, server);
    await setKioskTimings(page, { inactivityMs: 1_500, idleWarningMs: 1_500, reassureMs: 1_500 });
    await page.getByRole('button', { name: 'はじめる' }).click();
    // No departments in this town: 「予約なしで相談」 calls the general counter straight away.
    await page.getByRole('button', { name: /予約なしで相談/ }).click();
    await page.getByText('職員を呼び出しています').waitFor({ timeout: 10_000 });

    // Nobody is logged in: the resident is told so, with the town's other ways.
    await page.getByText('ただいま、この窓口で対応できる職員がいません。').waitFor({ timeout: 10_000 });
    await page.getByText('お電話でのご相談：0120-123-456').waitFor();
    await page.getByText('受付時間：平日 8:30〜17:15').waitFor();
    assert.equal(await page.getByText(/待ち時間の目安/).count(), 0, 'no minutes when nobody can answer');

    // Three times the old warning's delay without a touch: still waiting, reassured, no 「続けますか？」.
    await page.getByText('1分お待ちいただいています。次にお呼びします。このままお待ちください。').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(4_500);
    assert.equal(await page.getByRole('alertdialog', { name: '続けますか？' }).count(), 0, 'no idle warning while waiting');
    assert.equal(await page.getByText('職員を呼び出しています').count(), 1, 'still waiting');
    const queued = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0];
    assert.equal(queued?.status, 'queued', 'the place in the queue is kept');

    // A specialist logs in and is free: 「まもなく」, not minutes from past waits.
    await loginAtDesk(staff.page, server.url);
    await page.getByText('まもなく職員がお応えします。').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByText('ただいま、この窓口で対応できる職員がいません。').count(), 0);

    // 離席中 on the console: nobody can answer again.
    await staff.page.getByRole('button', { name: '離席中' }).click();
    await page.getByText('ただいま、この窓口で対応できる職員がいません。').waitFor({ timeout: 15_000 });
    await staff.page.getByRole('button', { name: '対応可能' }).click();
    await page.getByText('まもなく職員がお応えします。').waitFor({ timeout: 15_000 });
  });

  it('the specialist answers, finds nobody and ends the call as 「キオスクに人がいない」: recorded, reported, in the CSV', async () => {
    const { server, kiosk, staff } = rig;
    await answerFirstInQueue(staff.page);
    const absent = staff.page.getByRole('button', { name: 'キオスクに人がいない' });
    await absent.and(staff.page.locator(':enabled')).waitFor({ timeout: 20_000 });
    await absent.click();
    await staff.page.getByRole('dialog', { name: 'キオスクに人がいませんか？' }).getByRole('button', { name: '住民不在で終了する' }).click();

    // Nobody is there to rate the call: no survey, a plain notice, then Idle.
    await kiosk.page.getByText('応答がなかったため、通話を終了しました。').waitFor({ timeout: 15_000 });
    assert.equal(await kiosk.page.getByText('本日の相談はいかがでしたか？').count(), 0, 'no survey for an empty kiosk');
    await staff.page.getByText('キオスクに人がいないため、通話を終了しました。').waitFor({ timeout: 10_000 });

    const record = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0];
    assert.equal(record?.endReason, 'resident_absent');
    assert.ok(record?.answeredAt, 'it was answered');

    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const today = japanToday();
    const report = expectStatus(await admin.call<{ totals: { residentAbsent: number } }>('report', { query: { from: today, to: today } }), 200);
    assert.equal(report.totals.residentAbsent, 1);
    const csv = await admin.call('reportCsv', { query: { from: today, to: today } });
    const [header = '', , total = ''] = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const column = header.split(',').indexOf('住民不在で終了');
    assert.ok(column >= 0, header);
    assert.equal(total.split(',')[column], '1', total);

  });
});
