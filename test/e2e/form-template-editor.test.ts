import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { loginAtDesk } from '../helpers/call-flow';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { seriousViolations } from './kiosk-e2e-support';

/** The n-th field of the editor (1-based), by its place in the list, whatever its label says. */
const fieldBox = (page: Page, n: number): Locator => page.locator('.template-editor__fields > li').nth(n - 1).locator('fieldset.template-field');

/**
 * Issue 17: admins build an application form field by field in 設定 → 申請書式 (no JSON): add,
 * reorder and remove fields, choose types, required, prefill and the date style; problems are
 * shown at the field; every save is a new version.
 */
describe('the form template editor, through the admin app (Chromium)', () => {
  let server: TestServer;
  let admin: BrowserHandle;

  before(async () => {
    server = await startTestServer();
    admin = await openBrowser();
    await loginAtDesk(admin.page, server.url, 'demo-admin');
    await admin.page.getByRole('link', { name: '設定' }).click();
    await admin.page.getByRole('link', { name: '申請書式' }).click();
  });
  after(async () => {
    await admin?.close();
    await server?.close();
  });

  it('builds a template field by field, shows problems where they are, and saves versions', async () => {
    const page = admin.page;
    await page.getByRole('button', { name: '書式を追加' }).click();
    const editor = page.getByRole('form', { name: '新しい書式' });
    await editor.waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('textarea#form-template-definition').count(), 0, 'no JSON textarea any more');

    await editor.getByLabel(/^書式名（日本語）/).fill('転入届 事前確認票');
    // Field 1 is 氏名, filled from the booking; add three more.
    assert.equal(await fieldBox(page, 1).getByLabel(/^項目名（日本語）/).inputValue(), '氏名');
    assert.equal(await fieldBox(page, 1).getByLabel('予約から入れる').inputValue(), 'residentName');
    for (let i = 0; i < 3; i += 1) await editor.getByRole('button', { name: '項目を追加' }).click();
    // The new field's label has the focus: the admin types straight away.
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('.template-editor__fields > li:last-child input')), true);

    await fieldBox(page, 2).getByLabel(/^項目名（日本語）/).fill('前住所');
    await fieldBox(page, 2).getByLabel('種類').selectOption('address');
    await fieldBox(page, 2).getByLabel('必須にする').check();

    await fieldBox(page, 3).getByLabel(/^項目名（日本語）/).fill('転入日');
    await fieldBox(page, 3).getByLabel('種類').selectOption('date');
    await fieldBox(page, 3).getByLabel('日付の表し方').selectOption('seireki');
    await fieldBox(page, 3).getByLabel('必須にする').check();

    await fieldBox(page, 4).getByLabel(/^項目名（日本語）/).fill('世帯の人数');
    await fieldBox(page, 4).getByLabel('種類').selectOption('choice');
    await fieldBox(page, 4).getByLabel('選択肢1の表示名').fill('1人');
    await fieldBox(page, 4).getByRole('button', { name: '選択肢を追加' }).click();
    await fieldBox(page, 4).getByLabel('選択肢3の表示名').fill('3人以上');

    // Saved with option 2 empty: nothing is sent, the problem is shown at that field.
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await editor.getByRole('alert').getByText('直す所があります。').waitFor();
    assert.equal(await fieldBox(page, 4).getByText('選択肢の表示名を入れてください。').count(), 1);
    assert.equal(await fieldBox(page, 2).locator('.field__error').count(), 0, 'a good field is not flagged');
    assert.equal(await server.app.repositories.forms.countTemplates(), 0, 'nothing saved');
    await fieldBox(page, 4).getByLabel('選択肢2の表示名').fill('2人');

    // Reorder with the keyboard: 転入日 up above 前住所; the focus follows the moved field.
    const up = fieldBox(page, 3).getByRole('button', { name: '「転入日」を上へ' });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('「転入日」を2番目に移しました。').waitFor();
    assert.equal(await fieldBox(page, 2).getByLabel(/^項目名（日本語）/).inputValue(), '転入日');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), '「転入日」を上へ');

    // A field added by mistake is removed.
    await editor.getByRole('button', { name: '項目を追加' }).click();
    await fieldBox(page, 5).getByRole('button', { name: '「（名前なし）」を削除' }).click();
    assert.equal(await page.locator('.template-editor__fields > li').count(), 4);

    const violations = await seriousViolations(page, { within: '.template-editor', aaa: false });
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('第1版を保存しました。').waitFor({ timeout: 10_000 });
    const [saved] = await server.app.repositories.forms.latestTemplates({ includeArchived: false });
    assert.ok(saved);
    assert.equal(saved.version, 1);
    assert.deepEqual(
      saved.fields.map((f) => [f.label.ja, f.type, f.required, f.prefill ?? null, f.calendar ?? null]),
      [
        ['氏名', 'text', true, 'residentName', null],
        ['転入日', 'date', true, null, 'seireki'],
        ['前住所', 'address', true, null, null],
        ['世帯の人数', 'choice', false, null, null],
      ],
    );
    assert.deepEqual(saved.fields[3]?.options?.map((o) => o.label.ja), ['1人', '2人', '3人以上']);

    // A new version: 前住所 removed; version 1 stays as it was.
    await page.getByRole('row', { name: /転入届 事前確認票/ }).getByRole('button', { name: '新しい版を作る' }).click();
    const next = page.getByRole('form', { name: '「転入届 事前確認票」の新しい版' });
    await next.waitFor();
    await fieldBox(page, 3).getByRole('button', { name: '「前住所」を削除' }).click();
    await next.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('第2版を保存しました。').waitFor({ timeout: 10_000 });
    const versions = await server.app.repositories.forms.versions(saved.familyId);
    assert.deepEqual(versions.map((v) => [v.version, v.fields.length]), [[1, 4], [2, 3]]);
  });
});
