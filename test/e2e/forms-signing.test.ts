import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoFormTemplates } from '../../server/src/forms/demo-templates';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';
import { databaseKinds } from '../helpers/test-database';

const run = promisify(execFile);
const database = databaseKinds().at(-1) ?? 'embedded';

/** FORMS_E2E_SCREENSHOTS=<folder> keeps pictures of the screens, for a look at the layout. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['FORMS_E2E_SCREENSHOTS'];
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function pdftotext(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'form-e2e-'));
  try {
    writeFileSync(path.join(dir, 'form.pdf'), pdf);
    return (await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'form.pdf'), '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A signature drawn with the mouse: two strokes across the box, as a finger would. */
async function drawSignature(page: Page): Promise<void> {
  const box = await page.locator('canvas.signature-box').boundingBox();
  assert.ok(box, 'the signature box is on screen');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [
    [at(0.1, 0.7), at(0.2, 0.3), at(0.3, 0.7), at(0.4, 0.3), at(0.5, 0.7)],
    [at(0.55, 0.5), at(0.7, 0.45), at(0.9, 0.55)],
  ]) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(first[0], first[1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 8 });
    await page.mouse.up();
  }
}

describe(`書かない窓口 end to end: staff fill, the kiosk asks a correction, staff correct, the resident signs (Chromium, ${database} PostgreSQL)`, () => {
  const rig = kioskAndDesk(async () => {
    const server = await startTestServer({ database, webRtcServerPort: 0 });
    await seedDemoFormTemplates(server.app.repositories.forms, server.app.repositories.departments);
    return server;
  });

  it('withdraws a form from the kiosk; stores the signed PDF with the Japanese values, its SHA-256 on the record, and the audit rows; prints the copy', async () => {
    const { server, kiosk, staff } = rig;
    // The town lets the kiosk print the resident's copy (設定 → 申請書式).
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', server.demo.staffPassword)).accessToken);
    expectStatus(await admin.call('updateFormSettings', { body: { kioskPrintCopy: true } }), 200);
    await answeredCall(rig);
    const desk = staff.page;
    const screen = kiosk.page;

    // The wrong form first: staff take it back, and the kiosk clears it at once.
    await desk.getByLabel('書式を選ぶ').selectOption({ label: '相談記録への同意書（第1版）' });
    await desk.getByLabel(/^氏名/).fill('取下 花子');
    await desk.getByLabel(/^相談日/).fill('2026-12-04');
    await desk.getByLabel(/^関係する課と共有/).check();
    await desk.getByRole('button', { name: '住民の方に確認してもらう' }).click();
    const wrong = screen.getByRole('dialog', { name: '相談記録への同意書' });
    await wrong.waitFor({ timeout: 15_000 });
    await desk.getByRole('button', { name: 'キオスクから取り下げる' }).click();
    await wrong.waitFor({ state: 'detached', timeout: 5_000 });
    await desk.getByText('キオスクの画面から消しました。別の書式を選べます。').waitFor({ timeout: 5_000 });
    assert.ok(!(await screen.content()).includes('取下'), 'nothing of the withdrawn form is left on the kiosk');

    // The desk fills in 住民票の写し等交付請求書, with a typo in the name.
    await desk.getByLabel('書式を選ぶ').selectOption({ label: '住民票の写し等交付請求書（第1版）' });
    await desk.getByLabel(/^氏名/).fill('山田 太朗');
    await desk.getByLabel(/^フリガナ/).fill('ヤマダ タロウ');
    await desk.getByLabel(/^生年月日/).fill('1990-04-01');
    await desk.getByLabel(/^住所/).fill('北町3-2-1 コーポ北201');
    await desk.getByLabel(/^必要な範囲/).selectOption('household');
    await desk.getByLabel(/^通数/).fill('2');
    await desk.getByLabel(/^使用目的/).fill('就職先への提出');
    await desk.getByRole('button', { name: '住民の方に確認してもらう' }).click();

    // The kiosk shows it large, page by page; the resident points at the name.
    const dialog = screen.getByRole('dialog', { name: '住民票の写し等交付請求書' });
    await dialog.waitFor({ timeout: 15_000 });
    const nameRow = dialog.locator('[data-field="applicantName"]');
    assert.equal((await nameRow.locator('.form-review__value').textContent())?.trim(), '山田 太朗');
    await dialog.getByText('1 / 3 ページ').waitFor();
    await shot(screen, 'kiosk-review');
    await shot(desk, 'desk-filled');
    await nameRow.getByRole('button', { name: 'ここが違います' }).click();
    await dialog.getByText('職員に伝えました。直るまでお待ちください。').waitFor();

    // The desk is told which field; corrects it and sends again.
    await desk.getByText('住民の方が「氏名」が違うと言っています。直して送り直してください。').waitFor({ timeout: 10_000 });
    assert.equal(await desk.locator('.form-field--flagged label').first().textContent().then((t) => t?.startsWith('氏名')), true);
    await shot(desk, 'desk-correction');
    await desk.getByLabel(/^氏名/).fill('山田 太郎');
    await desk.getByRole('button', { name: '直してもう一度確認してもらう' }).click();

    await nameRow.locator('.form-review__value', { hasText: '山田 太郎' }).waitFor({ timeout: 10_000 });
    // The kiosk's page reloads while the resident reads it (a crash, a power blip): the call
    // resumes and the form the desk waits on comes back, without the desk sending it again.
    await screen.reload();
    await nameRow.locator('.form-review__value', { hasText: '山田 太郎' }).waitFor({ timeout: 30_000 });
    await dialog.getByText('1 / 3 ページ').waitFor();
    await dialog.getByRole('button', { name: '次へ' }).click();
    await dialog.getByText('2 / 3 ページ').waitFor();
    await dialog.getByRole('button', { name: '次へ' }).click();
    await dialog.getByRole('button', { name: '署名へ進む' }).click();
    const submit = dialog.getByRole('button', { name: 'この内容で申請する' });
    assert.equal(await submit.isDisabled(), true, 'nothing to submit before a signature');
    await drawSignature(screen);
    await dialog.getByRole('button', { name: '書き直す' }).click();
    assert.equal(await submit.isDisabled(), true, '書き直す clears the box');
    await drawSignature(screen);
    await shot(screen, 'kiosk-signature');
    await submit.click();
    await dialog.getByText('申請を受け付けました。').waitFor({ timeout: 20_000 });

    // 「署名済み」 on the desk at once.
    await desk.getByText('署名済み：PDFを保存しました。').waitFor({ timeout: 10_000 });
    await shot(desk, 'desk-signed');

    // The print view is the signed document: the values in Japanese and the signature.
    await screen.emulateMedia({ media: 'print' });
    const printed = await pdftotext(await screen.pdf({ format: 'A4' }));
    await screen.emulateMedia({ media: 'screen' });
    for (const expected of ['住民票の写し等交付請求書', '山田 太郎', '平成2年4月1日', '世帯全員', '就職先への提出']) assert.ok(printed.includes(expected), `the printed copy says ${expected}`);
    assert.ok(!printed.includes('申請を受け付けました'), 'only the copy is printed, not the screen');
    assert.equal(await screen.locator('.form-print svg path, .form-print svg polyline').count() > 0, true, 'the signature is drawn on the copy');

    // 「控えを印刷する」 prints, is audited, and nothing of it stays on the kiosk's screen.
    await dialog.getByRole('button', { name: '控えを印刷する' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.ok(!(await screen.content()).includes('山田'), 'no value left in the kiosk page');

    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id ?? '';
    const rows: { id: string; revision: number; state: string; pdf: Buffer; pdf_sha256: string }[] = await server.db.dataSource.query(
      `SELECT id, revision, state, pdf, pdf_sha256 FROM form_document WHERE session_id = $1 AND state <> 'withdrawn'`,
      [consultationId],
    );
    assert.equal(rows.length, 1);
    const [document] = rows;
    assert.ok(document);
    assert.equal(document.state, 'signed');
    assert.equal(document.revision, 2, 'the corrected revision was signed');
    assert.equal(createHash('sha256').update(document.pdf).digest('hex'), document.pdf_sha256, 'the recorded SHA-256 is that of the stored PDF');
    const text = await pdftotext(document.pdf);
    for (const expected of ['住民票の写し等交付請求書', '山田 太郎', 'ヤマダ タロウ', '平成2年4月1日', '北町3-2-1 コーポ北201', '世帯全員', '就職先への提出', '中央図書館 相談窓口', '申請者署名']) {
      assert.ok(text.includes(expected), `the PDF text contains ${expected}`);
    }
    assert.ok(!text.includes('山田 太朗'), 'only the corrected name');

    // Staff open it from the console: served, and the view is audited next to the creation.
    const [popup] = await Promise.all([desk.waitForEvent('popup', { timeout: 10_000 }).catch(() => null), desk.getByRole('button', { name: 'PDFを開く' }).click()]);
    await popup?.close();
    let actions: string[] = [];
    for (let i = 0; i < 50 && !actions.includes('form_viewed'); i += 1) {
      const audit: { action: string }[] = await server.db.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [document.id]);
      actions = audit.map((a) => a.action);
      if (!actions.includes('form_viewed')) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(actions, ['form_signed', 'form_copy_printed', 'form_viewed']);
    const timeline: { type: string }[] = await server.db.dataSource.query(`SELECT type FROM session_event WHERE session_id = $1 AND type = 'form_withdrawn'`, [consultationId]);
    assert.equal(timeline.length, 1, 'the withdrawal is in the timeline');
  });
});
