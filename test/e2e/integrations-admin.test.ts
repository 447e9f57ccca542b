import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import type { IntegrationAppointmentCreated, WebhookPayload } from '@madoguchi/contract/integrations';
import { bookingRules, saveBookingRules, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { loginAtDesk } from '../helpers/call-flow';
import { closeAll } from '../helpers/close-all';
import { until } from '../helpers/poll';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { seriousViolations } from './kiosk-e2e-support';

/**
 * Issue 19: an admin links the town's platform in 設定 → 連携 — issues an API key (shown once),
 * registers a webhook receiver (secret shown once), watches the delivery log and revokes the key.
 * The platform's side is plain fetch from Node and a real HTTP receiver on loopback.
 */
describe('設定 → 連携 in the admin app (Chromium): API key, webhook, delivery log, revocation', () => {
  let server: TestServer;
  let world: SchedulingWorld;
  let rules: BookingRulesView;
  let receiver: WebhookReceiver;
  let admin: BrowserHandle;
  const clock = { now: new Date('2030-04-01T09:30:00+09:00') };

  before(async () => {
    receiver = await startWebhookReceiver();
    // The receiver listens on loopback over http: allowed explicitly, as a closed network would.
    server = await startTestServer({ now: () => clock.now, integrations: { webhookUrls: { allowedHosts: '127.0.0.1', allowHttp: true } } });
    world = await buildSchedulingWorld(server);
    rules = await saveBookingRules(world, bookingRules(world));
    admin = await openBrowser();
    await loginAtDesk(admin.page, server.url, 'demo-admin');
    await admin.page.getByRole('link', { name: '設定' }).click({ timeout: 15_000 });
    await admin.page.getByRole('link', { name: '連携' }).click();
  });
  after(() => closeAll(admin, server, receiver));

  it('issues a key once, books and cancels with it, logs the signed delivery, and revokes it', async () => {
    const page = admin.page;
    const keysCard = page.getByRole('region', { name: 'APIキー' });
    await keysCard.getByText('APIキーはまだありません。').waitFor({ timeout: 15_000 });

    // Issue a write-only key, by keyboard: Space toggles a scope, Enter in the name field submits.
    const read = keysCard.getByRole('checkbox', { name: /appointments:read/ });
    const write = keysCard.getByRole('checkbox', { name: /appointments:write/ });
    assert.equal(await write.isChecked(), true, 'write is offered by default');
    await read.focus();
    await page.keyboard.press('Space');
    assert.equal(await read.isChecked(), false);
    await keysCard.getByLabel(/キーの名前/).fill('LINE窓口');
    await page.keyboard.press('Enter');

    const shown = page.getByRole('dialog', { name: 'APIキー' });
    await shown.waitFor({ timeout: 10_000 });
    const secret = (await shown.locator('.secret').textContent())?.trim() ?? '';
    assert.match(secret, /^mdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await shown.getByText('この画面を閉じると二度と表示できません。', { exact: false }).waitFor();
    await shown.getByRole('button', { name: '控えたので閉じる' }).click();
    await shown.waitFor({ state: 'detached' });

    // After closing, only the prefix is left on the page.
    const keyRow = keysCard.getByRole('row', { name: /LINE窓口/ });
    await keyRow.waitFor();
    assert.equal(await keyRow.getByRole('cell').nth(1).textContent(), `${secret.slice(0, 17)}…`);
    assert.match(await keyRow.textContent() ?? '', /予約の登録・変更・取り消し/);
    assert.doesNotMatch(await keyRow.textContent() ?? '', /予約の参照/);
    assert.equal((await page.content()).includes(secret.slice(18)), false, 'the secret is not shown again');

    // Register a webhook receiver: the signing secret is shown once too.
    const hooksCard = page.getByRole('region', { name: 'Webhook' });
    // Before typing, the form says where webhooks may go on this server (WEBHOOK_ALLOWED_HOSTS=127.0.0.1, http allowed).
    await hooksCard.getByText('送信先に使えるホスト: 127.0.0.1', { exact: true }).waitFor({ timeout: 10_000 });
    await hooksCard.getByText('URLは https:// でも http:// でも登録できます。').waitFor();
    // A host off the list: the server's refusal is said in Japanese at the field, with what to do, and focus goes there.
    const urlField = hooksCard.getByLabel(/送信先URL/);
    await urlField.fill(receiver.url.replace('127.0.0.1', '127.0.0.2'));
    await hooksCard.getByRole('button', { name: '送信先を登録' }).click();
    await hooksCard.getByText('127.0.0.2 は送信先として許可されていません。', { exact: false }).waitFor({ timeout: 10_000 });
    assert.equal(await urlField.getAttribute('aria-invalid'), 'true');
    assert.equal(await urlField.evaluate((input) => input === document.activeElement), true, 'focus is on the refused URL');
    assert.doesNotMatch(await hooksCard.textContent() ?? '', /not in the webhook allow-list/, 'no English from the server');
    await hooksCard.getByLabel(/送信先URL/).fill(receiver.url);
    await hooksCard.getByLabel(/メモ/).fill('来庁予約システム');
    await hooksCard.getByRole('button', { name: '送信先を登録' }).click();
    await hooksCard.getByText('127.0.0.2 は送信先として許可されていません。', { exact: false }).waitFor({ state: 'detached', timeout: 10_000 });
    const hookShown = page.getByRole('dialog', { name: '署名用シークレット' });
    await hookShown.waitFor({ timeout: 10_000 });
    const hookSecret = (await hookShown.locator('.secret').textContent())?.trim() ?? '';
    assert.match(hookSecret, /^whsec_/);
    await hookShown.getByRole('button', { name: '控えたので閉じる' }).click();
    await hookShown.waitFor({ state: 'detached' });
    await hooksCard.getByRole('row', { name: new RegExp(receiver.url.replace(/[.]/g, '\\.')) }).getByText('送信中').waitFor();
    assert.equal((await page.content()).includes(hookSecret), false, 'the webhook secret is not shown again');

    const violations = await seriousViolations(page, { within: 'main', aaa: false });
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

    // The platform books with the key (plain fetch), with an Idempotency-Key, then cancels.
    const body = {
      departmentId: world.departments[0]?.id ?? '',
      topicId: topicOf(rules),
      kioskId: world.kioskId,
      startsAt: '2030-04-02T10:00:00+09:00',
      residentName: '連携 花子',
      residentKana: 'レンケイ ハナコ',
      email: 'line-e2e@example.jp',
    };
    const post = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      });
    const createdResponse = await post('/api/integration/appointments', body, { 'idempotency-key': 'e2e-line-0001' });
    assert.equal(createdResponse.status, 201, await createdResponse.clone().text());
    const created = (await createdResponse.json()) as IntegrationAppointmentCreated;
    const replay = await post('/api/integration/appointments', body, { 'idempotency-key': 'e2e-line-0001' });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await replay.json()) as IntegrationAppointmentCreated).appointment.id, created.appointment.id, 'one appointment');
    const cancelled = await post(`/api/integration/appointments/${created.appointment.id}/cancel`, {});
    assert.equal(cancelled.status, 200, await cancelled.clone().text());

    // The sender runs (a test server sends only when asked); the log shows both as 送信済み.
    assert.deepEqual(await server.app.integrations.sender.runOnce(), { delivered: 2, failed: 0 });
    await hooksCard.getByRole('button', { name: '最新の状態に更新' }).click();
    const log = hooksCard.getByRole('table', { name: '送信記録' });
    for (const event of ['予約の登録', '予約の取り消し']) {
      const row = log.getByRole('row', { name: new RegExp(event) });
      await row.getByText('送信済み').waitFor({ timeout: 10_000 });
      assert.equal(await row.getByRole('cell').nth(5).textContent(), '204');
    }

    // The receiver got both, each signed with the secret shown once.
    const hooks = await until(() => Promise.resolve([...receiver.received]), (seen) => seen.length >= 2, { what: 'two webhook posts' });
    assert.deepEqual(hooks.map((h) => (JSON.parse(h.body) as WebhookPayload).type).sort(), ['appointment.booked', 'appointment.cancelled']);
    for (const hook of hooks) {
      const timestamp = String(hook.headers['madoguchi-webhook-timestamp']);
      const expected = `v1=${createHmac('sha256', hookSecret).update(`${timestamp}.${hook.body}`).digest('hex')}`;
      assert.equal(hook.headers['madoguchi-webhook-signature'], expected, 'the HMAC verifies with the secret from the dialog');
      assert.equal((JSON.parse(hook.body) as WebhookPayload).data.appointmentId, created.appointment.id);
    }

    // Revoke in the UI (confirmation first); the same key is refused at once.
    // Each row's button names its key (the same 「無効化」 repeats down the table).
    await keyRow.getByRole('button', { name: '「LINE窓口」を無効化' }).click();
    const confirm = page.getByRole('dialog', { name: 'APIキーを無効化しますか？' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '無効化' }).click();
    await keysCard.getByText('APIキーを無効化しました。', { exact: false }).waitFor({ timeout: 10_000 });
    await keyRow.getByText(/^無効（/).waitFor();
    assert.equal(await keyRow.getByRole('button').count(), 0, 'nothing left to revoke');
    const refused = await post('/api/integration/appointments', { ...body, startsAt: '2030-04-02T11:00:00+09:00' }, { 'idempotency-key': 'e2e-line-0002' });
    assert.ok([401, 403].includes(refused.status), `revoked key answered ${refused.status}`);

    // Stopping the endpoint works the same way: the row's button names its URL.
    await hooksCard.getByRole('button', { name: `${receiver.url} への送信を停止` }).click();
    const stop = page.getByRole('dialog', { name: 'Webhookの送信を停止しますか？' });
    await stop.getByRole('button', { name: '停止' }).click();
    await hooksCard.getByText('送信先を停止しました。', { exact: false }).waitFor({ timeout: 10_000 });
  });
});
