import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, waitForMedia, type BrowserSession } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/start-server';

/**
 * Two workers that each take one participant: the kiosk and the specialist of one call land on
 * different workers, and their media crosses between the routers through pipeToRouter.
 */
describe('a call spanning two mediasoup workers (Chromium, pipeToRouter)', () => {
  let server: TestServer;
  let kiosk: BrowserSession;
  let staff: BrowserSession;

  before(async () => {
    // Single-port mode: each worker's own WebRtcServer carries its participant.
    server = await startTestServer({ webRtcServerPort: 0, sfu: { workers: 2, workerPeerLimit: 1 } });
    kiosk = await openBrowser();
    staff = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await staff?.close();
    await server?.close();
  });

  it('kiosk and staff on different workers decode each other', async () => {
    await staff.page.goto(`${server.url}/`);
    await staff.page.getByLabel('ログインID').fill(server.demo.staffLoginId);
    await staff.page.getByLabel('パスワード').fill(server.demo.staffPassword);
    await staff.page.getByRole('button', { name: 'ログイン' }).click();
    await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 15_000 });
    await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
    await staff.page.getByRole('button', { name: '応答' }).first().click({ timeout: 15_000 });

    const hasVideoAndAudio = (m: { videoFramesDecoded: number; audioPacketsReceived: number }): boolean =>
      m.videoFramesDecoded > 10 && m.audioPacketsReceived > 10;
    const [atStaff, atKiosk] = await Promise.all([
      waitForMedia(staff.page, hasVideoAndAudio),
      waitForMedia(kiosk.page, hasVideoAndAudio),
    ]);
    assert.ok(hasVideoAndAudio(atStaff), `staff decoded too little: ${JSON.stringify(atStaff)}`);
    assert.ok(hasVideoAndAudio(atKiosk), `kiosk decoded too little: ${JSON.stringify(atKiosk)}`);

    const { workers, rooms } = await server.sfu.stats();
    assert.equal(rooms, 1);
    assert.deepEqual(
      workers.map((w) => [w.peers, w.routers]),
      [
        [1, 1],
        [1, 1],
      ],
      'one participant and one router of the room on each worker',
    );

    await staff.page.getByRole('button', { name: '通話を終了' }).click();
    await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 20_000 });
    const after = await server.sfu.stats();
    assert.deepEqual(after.workers.map((w) => [w.rooms, w.peers, w.routers]), [
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
