import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import type { AuditEntry } from '@madoguchi/contract/audit';
import type { Page } from '@madoguchi/contract/pagination';
import { loginStaff } from '../helpers/api-client';
import { fakeCameraIds, openBrowser, RECORD_PEER_CONNECTIONS, THREE_FAKE_CAMERAS, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { closeAll } from '../helpers/close-all';
import { until } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { clickButton, DECODED_VIDEO_FRAMES, hostAddress, MEASURE_CONSOLE, showsText, STAFF_VIEWPORT, type ConsoleLayout } from './staff-layout-support';

/** Everything a desk needs in the call fits a 1366x768 screen without scrolling. */
export function assertFits(layout: ConsoleLayout, when: string): void {
  assert.ok(layout.hangUpBottom !== null, `通話を終了 is on the page ${when}`);
  assert.ok(layout.hangUpBottom <= layout.viewportHeight, `通話を終了 is visible without scrolling ${when}: ${JSON.stringify(layout)}`);
  assert.ok(layout.scrollHeight <= layout.viewportHeight, `the console is no taller than the screen ${when}: ${JSON.stringify(layout)}`);
  assert.ok(layout.scrollWidth <= STAFF_VIEWPORT.width, `no sideways scrolling ${when}: ${JSON.stringify(layout)}`);
  assert.equal(layout.sendOverflow, 0, `送信 stays inside the chat column ${when}: ${JSON.stringify(layout)}`);
  assert.ok(layout.sendRight !== null && layout.sendRight <= STAFF_VIEWPORT.width, `送信 is on screen ${when}: ${JSON.stringify(layout)}`);
}

describe('the staff console at 1366x768 in Chromium, with the document camera on', () => {
  let server: TestServer;
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  before(async () => {
    // The host's own address, as the Firefox run needs; Chromium is fine with it too.
    server = await startTestServer({ webRtcServerPort: 0, sfu: { listenIp: hostAddress() ?? '127.0.0.1' } });
    kiosk = await openBrowser({ extraArgs: [THREE_FAKE_CAMERAS] });
    staff = await openBrowser();
    await staff.page.setViewportSize(STAFF_VIEWPORT);
  });
  after(() => closeAll(kiosk, staff, server));

  it('通話を終了 and 送信 stay on screen with the document pane, also after creating an invite link', { timeout: 90_000 }, async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    await kiosk.page.goto(`${server.url}/`);
    const cameras = await fakeCameraIds(kiosk.page);
    const kioskId = server.demo.kioskCredential.split('.')[0] ?? '';
    expectStatus(await admin.call('updateKiosk', { params: { id: kioskId }, body: { cameraRoles: { faceCameraId: cameras.face, documentCameraId: cameras.document } } }), 200);

    await loginAtDesk(staff.page, server.url);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    await kiosk.page.getByRole('button', { name: '書類を見せる' }).click({ timeout: 20_000 });
    await staff.page.locator('.document__video').waitFor({ timeout: 20_000 });
    await until(() => staff.page.evaluate(DECODED_VIDEO_FRAMES) as Promise<number>, (n) => n > 30, { timeoutMs: 20_000, what: 'staff decode video', intervalMs: 250 });

    assertFits((await staff.page.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'in the call');
    // 書式を選ぶ and 招待する相手 are lists a desk hits with the mouse mid-call: not the browser's 20 px default.
    const selects = (await staff.page.evaluate(
      `[...document.querySelectorAll('.form-panel__choose select, .guest-invite__kind select')].map((s) => Math.round(s.getBoundingClientRect().height))`,
    )) as number[];
    assert.ok(selects.length === 2 && selects.every((h) => h >= 32), `the call's two lists are at least 32 px tall: ${JSON.stringify(selects)}`);
    // The kiosk's volume buttons carry a written caption, not only a label for screen readers.
    assert.ok(await kiosk.page.locator('.volume-control').getByText('音量', { exact: true }).isVisible(), 'the kiosk shows 「音量」 by its volume buttons');
    await staff.page.evaluate(clickButton('通訳・他部署を招待'));
    await staff.page.getByRole('button', { name: 'リンクをコピー' }).waitFor({ timeout: 10_000 });
    assertFits((await staff.page.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'after creating the invite link');
  });

  it('a snapshot is taken with consent (for the record below)', { timeout: 60_000 }, async () => {
    await staff.page.getByRole('button', { name: 'リンクをコピー' }).waitFor();
    await staff.page.getByRole('button', { name: '閉じる', exact: true }).first().click();
    await staff.page.getByRole('button', { name: '撮影', exact: true }).click();
    await kiosk.page.getByRole('button', { name: 'はい', exact: true }).click({ timeout: 10_000 });
    await staff.page.getByText('画像を保存しました。').waitFor({ timeout: 20_000 });
  });

  it('通話を終了 asks first: いいえ keeps the call, 終了する ends it', { timeout: 60_000 }, async () => {
    await staff.page.getByRole('button', { name: '通話を終了' }).click();
    const confirm = staff.page.getByRole('dialog', { name: '通話を終了しますか？' });
    await confirm.waitFor({ timeout: 5_000 });
    // getByText: the dialog's × button carries the same name for screen readers.
    await confirm.getByText('通話を続ける').click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await staff.page.getByRole('button', { name: '通話を終了' }).count(), 1, 'still in the call');
    assert.equal((await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.status, 'active');

    await staff.page.getByRole('button', { name: '通話を終了' }).click();
    await confirm.getByRole('button', { name: '終了する' }).click();
    await staff.page.getByRole('button', { name: '記録して待ち列へ戻る' }).waitFor({ timeout: 15_000 });
  });

  it('the record (相談記録) shows names and plain words, not ids, and the snapshot itself on request (audited)', { timeout: 60_000 }, async () => {
    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id ?? '';
    await staff.page.goto(`${server.url}/#/consultations/${consultationId}`);
    const timeline = staff.page.locator('ol.timeline');
    await timeline.getByText('書類の撮影').waitFor({ timeout: 15_000 });
    const text = (await timeline.innerText()).replace(/\s+/g, ' ');
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, `no raw id on the timeline: ${text}`);
    assert.doesNotMatch(text, /sha256|producerId|staffId/, `no field names on the timeline: ${text}`);
    for (const words of ['応答: 窓口 花子', '書類カメラ（映像）', 'カメラ（映像）', 'マイク（音声）']) assert.ok(text.includes(words), `the timeline says 「${words}」: ${text}`);

    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const views = async () => expectStatus(await admin.call<Page<AuditEntry>>('listAudit', { query: { action: 'snapshot_viewed' } }), 200).total;
    const viewsBefore = await views();
    await timeline.getByRole('button', { name: '画像を表示' }).click();
    const image = timeline.getByRole('img', { name: /に撮影した書類$/ });
    await image.waitFor({ timeout: 10_000 });
    await until(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), (w) => w > 0, { timeoutMs: 10_000, what: 'the snapshot is decoded on the record page' });
    await until(views, (n) => n === viewsBefore + 1, { timeoutMs: 5_000, what: 'reading the image from the record is audited' });
  });
});

const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
const HOST_ADDRESS = hostAddress();
const firefoxSkip = !existsSync(FIREFOX) ? `no Firefox at ${FIREFOX} (apt-get install firefox-esr)` : !HOST_ADDRESS ? 'no non-loopback IPv4 address for Firefox ICE' : false;

/** Waits until a page script returns something truthy. */
async function firefoxUntil(page: FirefoxPage, script: string, what: string, timeoutMs = 20_000): Promise<void> {
  await until(() => page.evaluate(script) as Promise<unknown>, Boolean, { timeoutMs, what, intervalMs: 250 });
}

describe('the staff console in Firefox ESR (WebDriver BiDi) at 1366x768: a full call with a Chromium kiosk', { skip: firefoxSkip }, () => {
  let server: TestServer;
  let kiosk: BrowserHandle;
  let firefox: FirefoxBrowser;
  let staff: FirefoxPage;

  before(async () => {
    // Firefox gathers no 127.0.0.1 candidate: media listens on the host's own address (traffic stays on this host).
    server = await startTestServer({ webRtcServerPort: 0, sfu: { listenIp: HOST_ADDRESS ?? '127.0.0.1' } });
    kiosk = await openBrowser({ extraArgs: [THREE_FAKE_CAMERAS] });
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true },
    });
    staff = await firefox.newPage();
    await staff.setViewport(STAFF_VIEWPORT);
    await staff.evaluateOnNewDocument(RECORD_PEER_CONNECTIONS);
  });
  after(() => closeAll(firefox, kiosk, server));

  it('Firefox staff log in, answer, decode the kiosk\'s face and document video, and the console fits the screen', { timeout: 120_000 }, async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    await kiosk.page.goto(`${server.url}/`);
    const cameras = await fakeCameraIds(kiosk.page);
    const kioskId = server.demo.kioskCredential.split('.')[0] ?? '';
    expectStatus(await admin.call('updateKiosk', { params: { id: kioskId }, body: { cameraRoles: { faceCameraId: cameras.face, documentCameraId: cameras.document } } }), 200);

    await staff.goto(`${server.url}/`);
    await staff.waitForSelector('input[name=loginId]');
    await staff.type('input[name=loginId]', 'demo-staff');
    await staff.type('input[name=password]', 'test-password');
    await staff.click('button[type=submit]');
    await firefoxUntil(staff, showsText('呼び出し中の窓口'), 'the console opens in Firefox');

    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await firefoxUntil(staff, clickButton('応答'), '応答 pressed in Firefox');
    await firefoxUntil(staff, showsText('通話を終了'), 'Firefox is in the call');
    await kiosk.page.getByRole('button', { name: '書類を見せる' }).click({ timeout: 20_000 });
    await firefoxUntil(staff, "document.querySelector('.document__video') !== null", 'the document pane opens in Firefox');

    // Real media through the SFU both ways: Firefox decodes the kiosk's two cameras, the kiosk decodes Firefox's camera.
    const frames = await until(() => staff.evaluate(DECODED_VIDEO_FRAMES) as Promise<number>, (n) => n > 60, { timeoutMs: 30_000, what: 'Firefox decodes video', intervalMs: 250 });
    assert.ok(frames > 60);
    await until(() => kiosk.page.evaluate(DECODED_VIDEO_FRAMES) as Promise<number>, (n) => n > 30, { timeoutMs: 30_000, what: "the kiosk decodes Firefox's camera", intervalMs: 250 });

    assertFits((await staff.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'in Firefox');
    await firefoxUntil(staff, clickButton('通訳・他部署を招待'), 'invite pressed');
    await firefoxUntil(staff, showsText('リンクをコピー'), 'the invite link is shown');
    assertFits((await staff.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'in Firefox after creating the invite link');

    // A typed message goes out with 送信 (which must be reachable) and shows on the kiosk.
    await staff.type('#chat-input', 'Firefoxから送信します');
    await firefoxUntil(staff, clickButton('送信'), '送信 pressed');
    await kiosk.page.locator('.staff-messages').getByText('Firefoxから送信します').waitFor({ timeout: 10_000 });

    await firefoxUntil(staff, clickButton('通話を終了'), '通話を終了 pressed');
    await firefoxUntil(staff, clickButton('終了する'), 'the hang-up confirmed');
    await firefoxUntil(staff, showsText('記録して待ち列へ戻る'), 'the outcome form follows the call');
    const record = await until(() => server.app.repositories.consultations.list({ page: 1, pageSize: 1 }), (page) => page.items[0]?.status === 'ended', { timeoutMs: 10_000, what: 'the call ended' });
    assert.equal(record.items[0]?.endReason, 'staff_ended');
  });
});
