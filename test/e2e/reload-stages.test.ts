import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitForMedia } from '../helpers/browser';
import { until } from '../helpers/poll';
import { answerFirstInQueue, hangUpAtDesk, loginAtDesk, recordOutcomeAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { serverWithBrowsers } from '../fixtures/kiosk-and-desk';
import { createDepartment } from './kiosk-e2e-support';

const GRACE_MS = 10_000;
const WAITING = '職員を呼び出しています';

/** What the server holds live: each consultation once, with its state. */
const liveConsultations = async (server: TestServer): Promise<{ id: string; status: string }[]> =>
  (await server.app.repositories.consultations.list({ page: 1, pageSize: 20 })).items.filter((c) => c.status === 'queued' || c.status === 'active').map((c) => ({ id: c.id, status: c.status }));

/** A walk-in for the general counter (this suite has a second department, so the kiosk asks which). */
const walkIn = async (server: TestServer, kiosk: Page): Promise<void> => {
  await walkInAtKiosk(kiosk, server.url, server.demo.kioskCredential);
  await kiosk.getByRole('button', { name: /わからない/ }).click({ timeout: 15_000 });
};

/** Reloads the kiosk and waits for its waiting screen (after a hand-over its title names the department instead). */
const reloadAndWaitForWaiting = async (kiosk: Page, title: string | RegExp = WAITING): Promise<void> => {
  await kiosk.reload({ waitUntil: 'load' });
  await kiosk.getByText(title).first().waitFor({ timeout: 20_000 });
};

/**
 * The pages reloaded at the stages reload-resume.test.ts and forms-signing.test.ts do not walk:
 * the kiosk while waiting and while waiting again after a hand-over, the guest page in a call,
 * the console on the outcome form. Each must come back to its screen with one consultation.
 */
describe('pages reloaded at each stage of a visit come back to the right screen (Chromium)', () => {
  const rig = serverWithBrowsers(() => startTestServer({ reconnectGraceMs: GRACE_MS }), ['kiosk', 'staff', 'guest']);

  it('the kiosk reloaded while waiting stays in the queue once; answered after, the call has media', { timeout: 120_000 }, async () => {
    const { server, kiosk, staff } = rig;
    // Somewhere to hand the resident over to, later in this suite.
    await createDepartment(server, { code: 'kosodate', name: '子育て支援課', icon: 'child' });
    await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
    await walkIn(server, kiosk.page);
    await kiosk.page.getByText(WAITING).first().waitFor({ timeout: 15_000 });
    const [queued] = await liveConsultations(server);
    assert.ok(queued);
    await reloadAndWaitForWaiting(kiosk.page);
    await reloadAndWaitForWaiting(kiosk.page);
    assert.deepEqual(await liveConsultations(server), [{ id: queued.id, status: 'queued' }], 'the same queue entry, not a second one');
    assert.equal(await staff.page.locator('.queue-item').count(), 1, 'the desk sees one waiting resident');
    await answerFirstInQueue(staff.page);
    const atKiosk = await waitForMedia(kiosk.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(atKiosk.videoFramesDecoded > 10, `the reloaded kiosk gets the answer with media: ${JSON.stringify(atKiosk)}`);
    assert.deepEqual(await liveConsultations(server), [{ id: queued.id, status: 'active' }]);
  });

  it('the guest page reloaded mid-call is back in the same call', { timeout: 120_000 }, async () => {
    const { server, staff, guest } = rig;
    await staff.page.getByLabel('招待する相手').selectOption({ label: '手話通訳者' });
    await staff.page.getByRole('button', { name: '通訳・他部署を招待' }).click();
    const linkField = staff.page.getByLabel('招待リンク（1人・この通話だけ有効）');
    await linkField.waitFor({ timeout: 10_000 });
    await guest.page.goto(await linkField.inputValue());
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    await guest.page.reload({ waitUntil: 'load' });
    await guest.page.getByText('通話に参加しました。').waitFor({ timeout: 20_000 });
    const atGuest = await waitForMedia(guest.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(atGuest.videoFramesDecoded > 10, `the reloaded guest sees the call: ${JSON.stringify(atGuest)}`);
    assert.equal((await liveConsultations(server)).length, 1);
    await guest.page.getByRole('button', { name: '退出する' }).click();
    await guest.page.getByText('退出しました。このリンクはもう使えません。').waitFor({ timeout: 10_000 });
  });

  it('the kiosk reloaded while waiting after a hand-over waits on for the next department, once', { timeout: 120_000 }, async () => {
    const { server, kiosk, staff } = rig;
    const [current] = await liveConsultations(server);
    await staff.page.getByRole('button', { name: '他の部署へ回す' }).click();
    const dialog = staff.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '回す先の部署' }).selectOption({ label: '子育て支援課' });
    await dialog.getByRole('button', { name: '回す', exact: true }).click();
    await staff.page.getByText(/住民の方を子育て支援課の待ち列（1番目）に回しました。/).waitFor({ timeout: 15_000 });
    await kiosk.page.getByText(/子育て支援課/).first().waitFor({ timeout: 15_000 });
    // One consultation, one row, its next leg waiting (the list shows a handed-over visit once).
    const afterTransfer = await until(() => liveConsultations(server), (live) => live.length === 1 && live[0]?.id === current?.id && live[0]?.status === 'queued', {
      what: 'the consultation waiting for its next leg',
    });
    await reloadAndWaitForWaiting(kiosk.page, '子育て支援課 におつなぎします。そのままお待ちください。');
    assert.deepEqual(await liveConsultations(server), afterTransfer, 'still the one next leg, waiting');
    const first = await server.app.repositories.consultations.findById(current?.id ?? '');
    assert.equal(first?.endReason, 'transferred');

    // The console reloaded on the outcome form of its leg: the form is offered again.
    await staff.page.getByText('あなたが対応した部分の相談結果を記録してください。').waitFor({ timeout: 10_000 });
    await staff.page.reload({ waitUntil: 'load' });
    await staff.page.getByRole('combobox', { name: /^対応結果/ }).waitFor({ timeout: 15_000 });
    await recordOutcomeAtDesk(staff.page, 'referred');
    assert.equal((await server.app.repositories.consultations.findById(current?.id ?? ''))?.outcomeCode, 'referred');

    // The resident gives up waiting: nothing is left live.
    await kiosk.page.getByRole('button', { name: 'やめる', exact: true }).click();
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    assert.deepEqual(await liveConsultations(server), []);
  });

  it('the console reloaded on the outcome form after a hang-up offers it again; the record gets one outcome', { timeout: 120_000 }, async () => {
    const { server, kiosk, staff } = rig;
    await walkIn(server, kiosk.page);
    await answerFirstInQueue(staff.page);
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 20_000 });
    const [call] = await liveConsultations(server);
    await hangUpAtDesk(staff.page);
    await staff.page.getByRole('combobox', { name: /^対応結果/ }).waitFor({ timeout: 10_000 });
    await staff.page.reload({ waitUntil: 'load' });
    await staff.page.getByRole('combobox', { name: /^対応結果/ }).waitFor({ timeout: 15_000 });
    await recordOutcomeAtDesk(staff.page, 'follow_up');
    const record = await server.app.repositories.consultations.findById(call?.id ?? '');
    assert.equal(record?.outcomeCode, 'follow_up');
    assert.equal(record?.endReason, 'staff_ended');
    assert.deepEqual(await liveConsultations(server), []);
  });
});
