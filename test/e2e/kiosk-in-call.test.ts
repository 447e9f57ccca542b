import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import { assignDepartments } from '../fixtures/members';
import { loginStaff } from '../helpers/api-client';
import { openBrowser, THREE_FAKE_CAMERAS, type BrowserHandle } from '../helpers/browser';
import { closeAll } from '../helpers/close-all';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { createDepartment, openKiosk, seriousViolations, type AxeViolation } from './kiosk-e2e-support';

/*
 * The kiosk side of a call, with the specialist played by a signalling socket (one browser
 * only: two 1080p senders would measure this 2-core machine, not the kiosk), on the three
 * fake cameras (face and document camera).
 */


interface DocumentSender {
  contentHint: string;
  width: number;
  height: number;
  frameRate: number;
  degradationPreference: string | null;
  encodings: number;
}

/** The sender carrying the document camera (contentHint 'detail'), as the page sees it. */
const READ_DOCUMENT_SENDER = `
  (async () => {
    for (const pc of window.__peerConnections) {
      if (pc.connectionState === 'closed') continue;
      for (const sender of pc.getSenders()) {
        const track = sender.track;
        if (!track || track.kind !== 'video' || track.contentHint !== 'detail') continue;
        const settings = track.getSettings();
        const parameters = sender.getParameters();
        return {
          contentHint: track.contentHint,
          width: settings.width,
          height: settings.height,
          frameRate: settings.frameRate,
          degradationPreference: parameters.degradationPreference ?? null,
          encodings: parameters.encodings.length,
        };
      }
    }
    return null;
  })()
`;

const SENDING_FACE_AND_VOICE = `
  window.__peerConnections.some(
    (pc) => pc.connectionState === 'connected' && pc.getSenders().filter((s) => s.track && s.track.readyState === 'live').length >= 2,
  )
`;

describe('a call at the kiosk: document camera, marks, messages, snapshot consent, transfer (Chromium)', () => {
  let server: TestServer;
  let kiosk: BrowserHandle;
  let staff: TestSocket;
  let zeimu: Department;

  before(async () => {
    server = await startTestServer({ webRtcServerPort: 0 });
    zeimu = await createDepartment(server, { code: 'zeimu', name: '税務課', icon: 'tax' });
    // The desk answers the transferred resident too: it works for 税務課.
    await assignDepartments(restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken), 'demo-staff', [zeimu.id]);
    kiosk = await openBrowser({ extraArgs: [THREE_FAKE_CAMERAS] });
    // KIOSK_E2E_CONSOLE=1 shows the kiosk page's own log lines, for debugging.
    if (process.env['KIOSK_E2E_CONSOLE']) kiosk.page.on('console', (message) => console.log(`[kiosk] ${message.text()}`));
    staff = await connectSocket(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
  });
  after(() => closeAll(staff, kiosk, server));

  it('serves the resident through one call and a transfer, and forgets everything afterwards', async () => {
    const { page } = kiosk;
    await openKiosk(page, server);
    // The installer assigns the cameras by their labels, as the admin screen would.
    const devices = (await page.evaluate(`
      navigator.mediaDevices.getUserMedia({ video: true }).then(async (stream) => {
        stream.getTracks().forEach((t) => t.stop());
        return (await navigator.mediaDevices.enumerateDevices())
          .filter((d) => d.kind === 'videoinput')
          .map((d) => ({ id: d.deviceId, label: d.label }));
      })
    `)) as { id: string; label: string }[];
    const face = devices.find((d) => d.label.includes('fake_device_0'));
    const document = devices.find((d) => d.label.includes('fake_device_2'));
    assert.ok(face && document, `three fake cameras: ${JSON.stringify(devices)}`);
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const demoKiosk = await server.app.repositories.kiosks.findByName('中央図書館 相談窓口');
    assert.ok(demoKiosk);
    expectStatus(
      await admin.call('updateKiosk', { params: { id: demoKiosk.id }, body: { cameraRoles: { faceCameraId: face.id, documentCameraId: document.id } } }),
      200,
    );
    await page.reload();
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });

    // 「職員を呼ぶ」 on Idle calls the general counter; the specialist answers.
    const queued = nextEvent(staff, 'queueUpdated', 10_000);
    await page.getByRole('button', { name: '職員を呼ぶ' }).click();
    const [queue] = await queued;
    const consultationId = queue[0]?.consultationId ?? expectOk(await request(staff, 'getQueue', {}))[0]?.consultationId;
    assert.ok(consultationId, 'the kiosk is in the queue');
    expectOk(await request(staff, 'acceptCall', { consultationId }));
    const showDocument = page.getByRole('button', { name: '書類を見せる' });
    await showDocument.waitFor({ timeout: 15_000 });

    // 「書類を見せる」: a second producer at 1080p, ≤ 15 fps, detail, maintain-resolution, one layer.
    await showDocument.click();
    await page.locator('.document-preview video').waitFor({ timeout: 10_000 });
    let sender: DocumentSender | null = null;
    for (let i = 0; i < 40 && !sender?.degradationPreference; i += 1) {
      sender = (await page.evaluate(READ_DOCUMENT_SENDER)) as DocumentSender | null;
      if (!sender?.degradationPreference) await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(
      sender && { ...sender, frameRate: sender.frameRate <= 15 },
      { contentHint: 'detail', width: 1920, height: 1080, frameRate: true, degradationPreference: 'maintain-resolution', encodings: 1 },
    );

    // The specialist's marks and words appear over the call.
    expectOk(await request(staff, 'pointer', { consultationId, marks: [{ kind: 'pen', color: 'red', points: [[0.1, 0.2], [0.5, 0.6]] }] }));
    await page.locator('.pointer-overlay polyline').waitFor({ timeout: 5_000 });
    expectOk(await request(staff, 'sendMessage', { consultationId, text: 'マイナンバーカードをお持ちですか' }));
    await page.getByText('マイナンバーカードをお持ちですか').waitFor({ timeout: 5_000 });
    const axe: [string, AxeViolation[]][] = [['in call with the document camera and a message', await seriousViolations(page)]];

    // Snapshot with consent: a full-resolution JPEG is stored.
    const stored = nextEvent(staff, 'snapshotStored', 15_000);
    expectOk(await request(staff, 'requestSnapshot', { consultationId }));
    const consent = page.getByRole('alertdialog', { name: /撮影してもよろしいですか/ });
    await consent.waitFor({ timeout: 5_000 });
    axe.push(['snapshot consent', await seriousViolations(page)]);
    await consent.getByRole('button', { name: 'はい' }).click({ timeout: 5_000 });
    const [snapshot] = (await stored) as [SnapshotInfo];
    assert.equal(snapshot.consultationId, consultationId);
    assert.equal(snapshot.contentType, 'image/jpeg');
    assert.deepEqual([snapshot.width, snapshot.height], [1920, 1080]);
    await page.getByRole('button', { name: '閉じる' }).click({ timeout: 5_000 });

    // Refused: nothing is taken.
    const answered = nextEvent(staff, 'snapshotAnswered', 10_000);
    expectOk(await request(staff, 'requestSnapshot', { consultationId }));
    await page.getByRole('alertdialog', { name: /撮影してもよろしいですか/ }).getByRole('button', { name: 'いいえ' }).click({ timeout: 5_000 });
    const [refusal] = await answered;
    assert.equal(refusal.consent, false);

    // Hang-up asks first; 「続ける」 keeps the call.
    await page.getByRole('button', { name: '通話を終了' }).click();
    const confirmHangUp = page.getByRole('alertdialog', { name: '通話を終了しますか？' });
    await confirmHangUp.waitFor({ timeout: 5_000 });
    axe.push(['hang-up confirmation', await seriousViolations(page)]);
    await confirmHangUp.getByRole('button', { name: '続ける' }).click();
    assert.equal(await showDocument.or(page.getByRole('button', { name: '書類カメラを止める' })).count(), 1, 'still in the call');

    // Transfer: back to waiting for 税務課, with nothing of the first call left on screen.
    const transfer = expectOk(await request(staff, 'transferCall', { consultationId, departmentId: zeimu.id }));
    await page.getByText('税務課 におつなぎします').waitFor({ timeout: 10_000 });
    axe.push(['waiting after a transfer', await seriousViolations(page)]);
    assert.equal(await page.getByText('マイナンバーカードをお持ちですか').count(), 0);
    assert.equal(await page.locator('video').count(), 0, 'no camera or call video while waiting');
    // The page reloads while the resident waits (a crash, the watchdog): the same wait, still naming 税務課.
    await page.reload();
    await page.getByText('税務課 におつなぎします').waitFor({ timeout: 20_000 });

    // The next specialist answers the new consultation; the call ends normally.
    expectOk(await request(staff, 'acceptCall', { consultationId: transfer.newConsultationId }));
    await showDocument.waitFor({ timeout: 15_000 });
    // Hang up only once the kiosk sends camera and microphone, as a specialist would.
    for (let i = 0; i < 60 && !(await page.evaluate(SENDING_FACE_AND_VOICE)); i += 1) await new Promise((r) => setTimeout(r, 250));
    expectOk(await request(staff, 'hangUp', { consultationId: transfer.newConsultationId }));
    await page.getByRole('button', { name: 'とばす' }).waitFor({ timeout: 15_000 });
    axe.push(['survey', await seriousViolations(page)]);
    await page.getByRole('button', { name: 'とばす' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('video, audio').count(), 0, 'no media element left');
    const cameras = (await page.evaluate(`
      Promise.resolve(window.__peerConnections.filter((pc) => pc.connectionState !== 'closed').length)
    `)) as number;
    assert.equal(cameras, 0, 'no peer connection left open');
    const report = axe.filter(([, found]) => found.length > 0).map(([screen, found]) => `${screen}: ${found.map((v) => `${v.id} ${v.targets.join(', ')}`).join('; ')}`);
    assert.deepEqual(report, [], 'axe-core: no serious or critical violation on the call screens');
  });
});
