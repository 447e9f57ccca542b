import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { answerFirstInQueue, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { until } from '../helpers/poll';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { clickButton, DECODED_VIDEO_FRAMES, hostAddress, MEASURE_CONSOLE, STAFF_VIEWPORT, type ConsoleLayout } from './staff-layout-support';

/** Three fake cameras: fake_device_0 is the face, fake_device_2 the document (fake_device_1 is a depth camera). */
const KIOSK_CAMERAS = '--use-fake-device-for-media-stream=device-count=3,fps=30';
const CAMERA_IDS = `
  (async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    stream.getTracks().forEach((t) => t.stop());
    const devices = await navigator.mediaDevices.enumerateDevices();
    const id = (label) => (devices.find((d) => d.kind === 'videoinput' && d.label.includes(label)) || {}).deviceId || null;
    return { face: id('fake_device_0'), document: id('fake_device_2') };
  })()
`;

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
  let kiosk: BrowserSession;
  let staff: BrowserSession;

  before(async () => {
    // The host's own address, as the Firefox run needs; Chromium is fine with it too.
    server = await startTestServer({ webRtcServerPort: 0, sfu: { listenIp: hostAddress() ?? '127.0.0.1' } });
    kiosk = await openBrowser({ extraArgs: [KIOSK_CAMERAS] });
    staff = await openBrowser();
    await staff.page.setViewportSize(STAFF_VIEWPORT);
  });
  after(async () => {
    await kiosk?.close();
    await staff?.close();
    await server?.close();
  });

  it('通話を終了 and 送信 stay on screen with the document pane, also after creating an invite link', { timeout: 90_000 }, async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    await kiosk.page.goto(`${server.url}/`);
    const cameras = (await kiosk.page.evaluate(CAMERA_IDS)) as { face: string | null; document: string | null };
    const kioskId = server.demo.kioskCredential.split('.')[0] ?? '';
    expectStatus(await admin.call('updateKiosk', { params: { id: kioskId }, body: { cameraRoles: { faceCameraId: cameras.face, documentCameraId: cameras.document } } }), 200);

    await loginAtDesk(staff.page, server.url);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    await kiosk.page.getByRole('button', { name: '書類を見せる' }).click({ timeout: 20_000 });
    await staff.page.locator('.document__video').waitFor({ timeout: 20_000 });
    await until(() => staff.page.evaluate(DECODED_VIDEO_FRAMES) as Promise<number>, (n) => n > 30, { timeoutMs: 20_000, what: 'staff decode video', intervalMs: 250 });

    assertFits((await staff.page.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'in the call');
    // The kiosk's volume buttons carry a written caption, not only a label for screen readers.
    assert.ok(await kiosk.page.locator('.volume-control').getByText('音量', { exact: true }).isVisible(), 'the kiosk shows 「音量」 by its volume buttons');
    await staff.page.evaluate(clickButton('通訳・他部署を招待'));
    await staff.page.getByRole('button', { name: 'リンクをコピー' }).waitFor({ timeout: 10_000 });
    assertFits((await staff.page.evaluate(MEASURE_CONSOLE)) as ConsoleLayout, 'after creating the invite link');
  });

  it('通話を終了 asks first: いいえ keeps the call, 終了する ends it', { timeout: 60_000 }, async () => {
    await staff.page.getByRole('button', { name: '通話を終了' }).click();
    const confirm = staff.page.getByRole('dialog', { name: '通話を終了しますか？' });
    await confirm.waitFor({ timeout: 5_000 });
    // getByText: the dialog's × button carries the same name for screen readers.
    await confirm.getByText('通話を続ける').click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal(await staff.page.getByRole('button', { name: '通話を終了' }).count(), 1, 'still in the call');
    assert.equal((await server.app.repositories.sessions.list({ page: 1, pageSize: 1 })).items[0]?.status, 'active');

    await staff.page.getByRole('button', { name: '通話を終了' }).click();
    await confirm.getByRole('button', { name: '終了する' }).click();
    await staff.page.getByRole('button', { name: '記録して待ち列へ戻る' }).waitFor({ timeout: 15_000 });
  });
});
