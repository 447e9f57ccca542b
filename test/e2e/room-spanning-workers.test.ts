import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, type BrowserSession } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
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
    await loginAtDesk(staff.page, server.url);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    await expectBothDecode(staff.page, kiosk.page);

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

    await hangUpAtDesk(staff.page);
    await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 20_000 });
    const after = await server.sfu.stats();
    assert.deepEqual(after.workers.map((w) => [w.rooms, w.peers, w.routers]), [
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
