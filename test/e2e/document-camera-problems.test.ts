import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, THREE_FAKE_CAMERAS, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { until } from '../helpers/poll';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** The staff console's document view: its decoded size and frame count. */
async function documentView(page: Page): Promise<{ width: number; frames: number }> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('.document__video');
    if (!video) return { width: 0, frames: 0 };
    return { width: video.videoWidth, frames: video.getVideoPlaybackQuality().totalVideoFrames };
  });
}

/** The label of the camera the kiosk sends as its document camera (contentHint 'detail'). */
const DOCUMENT_SENDER_LABEL = `
  (() => {
    for (const pc of window.__peerConnections) {
      if (pc.connectionState === 'closed') continue;
      for (const sender of pc.getSenders()) {
        if (sender.track && sender.track.contentHint === 'detail') return sender.track.label;
      }
    }
    return null;
  })()
`;

/**
 * A kiosk whose document camera is not configured by device id, with both consoles in real
 * Chromium: the automatic choice must not pick a camera that gives no picture, and when there is
 * no usable document camera the specialist is told instead of waiting on 「画像を受け取っています…」.
 */
describe('document camera problems reach the specialist (Chromium kiosk and staff console)', () => {
  let server: TestServer;
  let kiosk: BrowserHandle | null = null;
  let staff: BrowserHandle | null = null;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0 });
  });
  afterEach(async () => {
    await kiosk?.close();
    await staff?.close();
    kiosk = staff = null;
  });
  after(async () => {
    await server?.close();
  });

  const call = async (kioskArgs: string[]): Promise<{ kiosk: Page; staff: Page }> => {
    kiosk = await openBrowser({ extraArgs: kioskArgs });
    if (process.env['KIOSK_E2E_CONSOLE']) kiosk.page.on('console', (message) => console.log(`[kiosk] ${message.text()}`));
    staff = await openBrowser();
    await loginAtDesk(staff.page, server.url);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    await expectBothDecode(staff.page, kiosk.page);
    return { kiosk: kiosk.page, staff: staff.page };
  };

  it('with no camera configured, 「書類を見せる」 skips the depth camera and staff read a 1080p document', { timeout: 90_000 }, async () => {
    const pages = await call([THREE_FAKE_CAMERAS]);
    await pages.kiosk.getByRole('button', { name: '書類を見せる' }).click();
    const view = await until(() => documentView(pages.staff), (v) => v.width >= 1920 && v.frames > 10, {
      timeoutMs: 30_000,
      what: 'the document view decodes a picture',
    });
    assert.ok(view.width >= 1920, JSON.stringify(view));
    const label = (await pages.kiosk.evaluate(DOCUMENT_SENDER_LABEL)) as string | null;
    assert.ok(label && !label.includes('fake_device_1'), `the document camera is not the depth camera: ${label}`);
    await hangUpAtDesk(pages.staff);
  });

  it('a kiosk with no document camera: staff are told, and every snapshot request ends with an honest message', { timeout: 120_000 }, async () => {
    // One camera only: the face camera; there is nothing to photograph documents with.
    const pages = await call([]);
    const take = pages.staff.getByRole('button', { name: '撮影', exact: true });

    // The resident agrees, the kiosk has no document camera: staff stop waiting at once.
    await take.click();
    await pages.kiosk.getByRole('button', { name: 'はい' }).click({ timeout: 10_000 });
    await pages.staff.getByText('住民の端末の書類カメラが使えないため、撮影できませんでした。', { exact: false }).waitFor({ timeout: 20_000 });
    await pages.staff.getByText('住民の端末の書類カメラが使えません。', { exact: false }).waitFor();
    assert.ok(await take.isEnabled(), '撮影 can be pressed again');

    // Nobody answers on the kiosk: after 30 s the console says so instead of waiting forever.
    const askedAt = Date.now();
    await take.click();
    await pages.kiosk.getByRole('button', { name: 'はい' }).waitFor({ timeout: 10_000 });
    await pages.staff.getByText('住民の端末から画像が届きませんでした。', { exact: false }).waitFor({ timeout: 40_000 });
    const waited = (Date.now() - askedAt) / 1000;
    assert.ok(waited >= 29, `not before the 30 s timeout (${waited.toFixed(1)} s)`);
    assert.ok(await take.isEnabled(), '撮影 can be pressed again');
    process.stdout.write(`# staff told after ${waited.toFixed(1)} s that no photo arrived\n`);
    await hangUpAtDesk(pages.staff);
  });

  it('installer mode: a one-time code from the admin app opens live previews of every camera; the choice is saved for the kiosk', { timeout: 120_000 }, async () => {
    staff = await openBrowser();
    await loginAtDesk(staff.page, server.url, 'demo-admin');
    await staff.page.goto(`${server.url}/#/settings/kiosks`);
    await staff.page.getByRole('button', { name: '中央図書館 相談窓口 の設置モードのコードを発行' }).click({ timeout: 15_000 });
    const code = ((await staff.page.getByTestId('installer-code').textContent()) ?? '').replace(/\D/g, '');
    assert.equal(code.length, 8, 'an eight-digit code');

    kiosk = await openBrowser({ extraArgs: [THREE_FAKE_CAMERAS] });
    const page = kiosk.page;
    await page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    await page.goto(`${server.url}/kiosk/#install`);
    await page.reload();
    await page.getByRole('heading', { name: '設置モード' }).waitFor({ timeout: 15_000 });
    // A wrong code is refused with a plain message; the right one opens the set-up.
    await page.keyboard.type('12345678');
    await page.getByRole('button', { name: '開く' }).click({ timeout: 15_000 });
    await page.getByText('コードが違うか、期限が切れています。', { exact: false }).waitFor();
    await page.getByRole('button', { name: '開く' }).and(page.locator(':disabled')).waitFor();
    await page.keyboard.type(code);
    await page.getByRole('button', { name: '開く' }).click();
    const cameras = page.locator('.install__camera');
    await until(() => cameras.count(), (n) => n === 3, { timeoutMs: 20_000, what: 'three cameras previewed' });
    const labels = await cameras.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    assert.deepEqual(labels.map((l) => l.replace(/ .*/, '')).sort(), ['fake_device_0', 'fake_device_1', 'fake_device_2']);
    // Every preview plays (the depth camera's picture is what the installer sees and avoids).
    await until(
      () => page.evaluate(() => [...document.querySelectorAll<HTMLVideoElement>('.install__preview video')].filter((v) => v.videoWidth > 0).length),
      (n) => n >= 2,
      { timeoutMs: 15_000, what: 'live previews' },
    );
    await cameras.filter({ hasText: 'fake_device_0' }).getByRole('button', { name: '顔カメラにする' }).click();
    await cameras.filter({ hasText: 'fake_device_2' }).getByRole('button', { name: '書類カメラにする' }).click();
    await page.getByRole('button', { name: 'マイクを確かめる' }).click();
    await page.getByText(/入力レベル \d+%/).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。', { exact: false }).waitFor({ timeout: 10_000 });

    const ids = (await page.evaluate(`
      navigator.mediaDevices.enumerateDevices().then((all) => all.filter((d) => d.kind === 'videoinput').map((d) => ({ id: d.deviceId, label: d.label })))
    `)) as { id: string; label: string }[];
    const saved = await server.app.repositories.kiosks.findByName('中央図書館 相談窓口');
    assert.equal(saved?.cameraRoles.documentCameraId, ids.find((d) => d.label.startsWith('fake_device_2'))?.id);
    assert.equal(saved?.cameraRoles.faceCameraId, ids.find((d) => d.label.startsWith('fake_device_0'))?.id);
    // Issuing, opening and saving are audited.
    const audit = await server.db.dataSource.query(`SELECT action FROM audit_log WHERE action LIKE 'kiosk_%' ORDER BY at`);
    const actions = (audit as { action: string }[]).map((r) => r.action);
    assert.ok(actions.includes('kiosk_installer_issued') && actions.includes('kiosk_installer_opened') && actions.includes('kiosk_devices_saved'), actions.join(', '));
  });
});
