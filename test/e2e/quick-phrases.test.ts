import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QuickPhrase } from '@madoguchi/contract/quick-phrases';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, hangUpAtDesk, loginAtDesk } from '../helpers/call-flow';
import { closeAll } from '../helpers/close-all';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/**
 * A resident who chose English reads the specialist's quick phrases in English, an admin's new
 * phrase included, while free text arrives in Japanese marked as untranslated.
 */
describe('quick phrases reach the resident in their language (Chromium kiosk in English, staff console)', () => {
  let server: TestServer;
  let admin: BrowserHandle;
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0 });
    admin = await openBrowser();
  });
  after(() => closeAll(admin, kiosk, staff, server));

  it('an admin adds a phrase with its English translation in 設定 → 定型文', { timeout: 60_000 }, async () => {
    await loginAtDesk(admin.page, server.url, 'demo-admin');
    await admin.page.getByRole('link', { name: '設定' }).click({ timeout: 15_000 });
    await admin.page.getByRole('link', { name: '定型文' }).click();
    await admin.page.getByRole('cell', { name: '少々お待ちください', exact: true }).waitFor({ timeout: 10_000 });
    await admin.page.getByLabel('日本語（職員に表示）').fill('こちらの用紙に記入してください');
    await admin.page.getByLabel('英語').fill('Please fill in this form.');
    await admin.page.getByRole('button', { name: '定型文を追加' }).click();
    await admin.page.getByText('定型文を追加しました。').waitFor({ timeout: 10_000 });
    const api = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const phrases = expectStatus(await api.call<QuickPhrase[]>('listQuickPhrases'), 200);
    assert.deepEqual(phrases.at(-1)?.texts, { ja: 'こちらの用紙に記入してください', en: 'Please fill in this form.' });
    await admin.close();
  });

  it('staff press Japanese phrases; the English kiosk shows them in English and marks free text as untranslated', { timeout: 90_000 }, async () => {
    kiosk = await openBrowser();
    staff = await openBrowser();
    await loginAtDesk(staff.page, server.url);
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await kiosk.page.getByRole('button', { name: 'English' }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: 'Start' }).click();
    await kiosk.page.getByRole('button', { name: /No appointment/ }).click();
    await answerFirstInQueue(staff.page);

    const shown = kiosk.page.locator('.staff-messages');
    await staff.page.getByRole('button', { name: '書類をカメラの下に置いてください' }).click({ timeout: 20_000 });
    await shown.getByText('Please place your document under the camera.').waitFor({ timeout: 10_000 });
    await staff.page.getByRole('button', { name: 'こちらの用紙に記入してください' }).click();
    await shown.getByText('Please fill in this form.').waitFor({ timeout: 10_000 });
    assert.equal(await shown.getByText('書類をカメラの下に置いてください').count(), 0, 'the resident does not get the Japanese of a translated phrase');
    // The desk keeps seeing what it pressed, in Japanese.
    await staff.page.locator('.chat__list').getByText('こちらの用紙に記入してください').waitFor();

    await staff.page.getByLabel('住民の方へのメッセージ').fill('住所を確認します');
    await staff.page.getByRole('button', { name: '送信' }).click();
    const free = shown.locator('.staff-messages__item').filter({ hasText: '住所を確認します' });
    await free.waitFor({ timeout: 10_000 });
    assert.match(await free.innerText(), /Untranslated/, 'free text is marked as untranslated in English');
    assert.equal(await free.getAttribute('lang'), 'ja', 'screen readers read the untranslated text as Japanese');
    await hangUpAtDesk(staff.page);
  });
});
