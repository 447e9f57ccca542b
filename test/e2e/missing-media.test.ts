import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openBrowser, readInboundMedia, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, loginAtDesk } from '../helpers/call-flow';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/start-server';

/**
 * A page whose getUserMedia finds no camera (or no microphone, or neither): what a kiosk with an
 * unplugged camera or a desk PC without one sees. Runs before the app's own scripts.
 */
const withoutDevices = (kinds: ('video' | 'audio')[]): string => `(() => {
  const missing = ${JSON.stringify(kinds)};
  const media = navigator.mediaDevices;
  const open = media.getUserMedia.bind(media);
  const list = media.enumerateDevices.bind(media);
  media.getUserMedia = async (constraints) => {
    if (missing.some((kind) => constraints && constraints[kind])) throw new DOMException('Requested device not found', 'NotFoundError');
    return open(constraints);
  };
  media.enumerateDevices = async () => (await list()).filter((d) => !missing.some((kind) => d.kind === kind + 'input'));
})();`;

const NO_MEDIA_TIMEOUT_S = 5;

describe('calls with a missing camera or microphone connect with what there is (Chromium)', () => {
  let server: TestServer;
  let kiosk: BrowserHandle | null = null;
  let staff: BrowserHandle | null = null;

  // A server per test: a call a failed test leaves live would otherwise be resumed by the next kiosk.
  beforeEach(async () => {
    server = await startTestServer({ reconnectGraceMs: 20_000, sfu: { noMediaTimeoutSeconds: NO_MEDIA_TIMEOUT_S } });
  });
  afterEach(async () => {
    await kiosk?.close();
    await staff?.close();
    kiosk = staff = null;
    await server?.close();
  });

  /** A walk-in at a kiosk whose device check finds `problems`: it says so, and 「続ける」 goes on without them. */
  const walkInDespite = async (page: Page, problems: string[]): Promise<void> => {
    await page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await page.getByRole('button', { name: 'はじめる' }).click({ timeout: 15_000 });
    if (problems.length > 0) {
      const dialog = page.getByRole('alertdialog', { name: '機器の確認' });
      for (const problem of problems) await dialog.getByText(problem).waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: '続ける' }).click();
    }
    await page.getByRole('button', { name: /予約なしで相談/ }).click();
  };

  const startCall = async (kioskMissing: ('video' | 'audio')[], staffMissing: ('video' | 'audio')[] = []): Promise<string> => {
    kiosk = await openBrowser({ initScripts: [withoutDevices(kioskMissing)] });
    staff = await openBrowser({ initScripts: [withoutDevices(staffMissing)] });
    await loginAtDesk(staff.page, server.url);
    await walkInDespite(kiosk.page, kioskMissing.map((kind) => (kind === 'video' ? 'カメラが使えません。' : 'マイクが使えません。')));
    await answerFirstInQueue(staff.page);
    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id;
    assert.ok(consultationId);
    return consultationId;
  };

  /** Past the no-media timeout and its TCP retry: a call that would be given up on is by now. */
  const outlastNoMediaGuard = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, (NO_MEDIA_TIMEOUT_S * 2 + 4) * 1000));

  const deviceProblems = async (consultationId: string): Promise<unknown[]> =>
    (await server.app.repositories.consultationEvents.listFor(consultationId)).filter((e) => e.type === 'device_problem').map((e) => e.details['device']);

  const NO_CAMERA_AT_DESK = '住民の端末のカメラが使えないため、映像は届きません。音声で相談を続けてください。';
  const NO_MICROPHONE_AT_DESK = '住民の端末のマイクが使えないため、住民の方の声は届きません。映像で様子を確かめ、必要なら電話か窓口への来庁をご案内ください。';

  it('a kiosk with no camera: the desk hears the resident and is told there is no picture; the kiosk sees the desk; the record says so', { timeout: 90_000 }, async () => {
    const consultationId = await startCall(['video']);
    assert.ok(kiosk && staff);
    const heard = await waitForMedia(staff.page, (m) => m.audioPacketsReceived > 20, 20_000);
    assert.ok(heard.audioPacketsReceived > 20, `the desk hears the resident: ${JSON.stringify(heard)}`);
    const seen = await waitForMedia(kiosk.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(seen.videoFramesDecoded > 10, `the kiosk sees the desk: ${JSON.stringify(seen)}`);
    // Not 「相手の映像を待っています…」 for ever: the desk is told why no picture comes.
    await staff.page.getByText(NO_CAMERA_AT_DESK).first().waitFor({ timeout: 10_000 });
    assert.equal(await staff.page.getByText(NO_MICROPHONE_AT_DESK).count(), 0);
    await kiosk.page.getByText('カメラが使えません。職員には声だけが届いています。').waitFor({ timeout: 10_000 });
    assert.deepEqual(await deviceProblems(consultationId), ['camera']);
    await outlastNoMediaGuard();
    assert.equal(server.app.consultations.has(consultationId), true, 'the call is still live');
    await kiosk.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 2_000 });
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 2_000 });
  });

  it('a kiosk with neither camera nor microphone: the call is not given up as a network failure; the desk is told both', { timeout: 90_000 }, async () => {
    const consultationId = await startCall(['video', 'audio']);
    assert.ok(kiosk && staff);
    const seen = await waitForMedia(kiosk.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(seen.videoFramesDecoded > 10, `the kiosk sees the desk: ${JSON.stringify(seen)}`);
    await kiosk.page.getByText('カメラまたはマイクが使えません。声や映像が職員に届いていない可能性があります。').waitFor({ timeout: 10_000 });
    await staff.page.getByText(NO_CAMERA_AT_DESK).first().waitFor({ timeout: 10_000 });
    await staff.page.getByText(NO_MICROPHONE_AT_DESK).waitFor({ timeout: 10_000 });
    await outlastNoMediaGuard();
    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.equal(record?.endReason ?? null, null, `the call was ended: ${record?.endReason}`);
    assert.equal(server.app.consultations.has(consultationId), true, 'the call is still live');
    assert.deepEqual((await deviceProblems(consultationId)).sort(), ['camera', 'microphone']);
    await kiosk.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 2_000 });
    await staff.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 2_000 });
  });

  it('the kiosk camera unplugged mid-call: the desk is told, keeps hearing the resident, and the record says so', { timeout: 90_000 }, async () => {
    const consultationId = await startCall([]);
    assert.ok(kiosk && staff);
    const seen = await waitForMedia(staff.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(seen.videoFramesDecoded > 10, `the desk sees the resident first: ${JSON.stringify(seen)}`);
    assert.equal(await staff.page.getByText(NO_CAMERA_AT_DESK).count(), 0);
    // What the browser does when a camera is unplugged: the track ends and says so.
    const stopped = await kiosk.page.evaluate(() => {
      const tracks = [...document.querySelectorAll('video')]
        .flatMap((video) => (video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks() : []))
        .filter((track) => /fake/i.test(track.label));
      for (const track of tracks) {
        track.stop();
        track.dispatchEvent(new Event('ended'));
      }
      return tracks.length;
    });
    assert.ok(stopped > 0, 'the kiosk shows its own camera');
    await staff.page.getByText(NO_CAMERA_AT_DESK).first().waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await staff?.page.screenshot({ path: '/tmp/o3-unplugged.png' });
      throw error;
    });
    const before = (await readInboundMedia(staff.page)).audioPacketsReceived;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.ok((await readInboundMedia(staff.page)).audioPacketsReceived > before + 20, 'the resident is still heard');
    assert.deepEqual(await deviceProblems(consultationId), ['camera']);
    assert.equal(server.app.consultations.has(consultationId), true);
  });

  it('a desk with no camera: the resident hears the specialist, is told there is no picture, and the call stays up', { timeout: 90_000 }, async () => {
    const consultationId = await startCall([], ['video']);
    assert.ok(kiosk && staff);
    const heard = await waitForMedia(kiosk.page, (m) => m.audioPacketsReceived > 20, 20_000);
    assert.ok(heard.audioPacketsReceived > 20, `the kiosk hears the desk: ${JSON.stringify(heard)}`);
    const seen = await waitForMedia(staff.page, (m) => m.videoFramesDecoded > 10, 20_000);
    assert.ok(seen.videoFramesDecoded > 10, `the desk sees the resident: ${JSON.stringify(seen)}`);
    // Not 「職員の映像を待っています…」 for ever.
    await kiosk.page.getByText('職員の端末のカメラが使えないため、映像はありません。声でご相談ください。').waitFor({ timeout: 10_000 });
    assert.deepEqual(
      (await server.app.repositories.consultationEvents.listFor(consultationId)).filter((e) => e.type === 'device_problem').map((e) => [e.actor, e.details['device']]),
      [['staff', 'camera']],
    );
    await outlastNoMediaGuard();
    assert.equal(server.app.consultations.has(consultationId), true, 'the call is still live');
  });
});
