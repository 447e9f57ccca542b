import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hangUpAtDesk } from '../helpers/call-flow';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';

/**
 * Two workers that each take one participant: the kiosk and the specialist of one call land on
 * different workers, and their media crosses between the routers through pipeToRouter.
 */
describe('a call spanning two mediasoup workers (Chromium, pipeToRouter)', () => {
    // Single-port mode: each worker's own WebRtcServer carries its participant.
  const rig = kioskAndDesk(() => startTestServer({ webRtcServerPort: 0, sfu: { workers: 2, workerPeerLimit: 1 } }));

  it('kiosk and staff on different workers decode each other', async () => {
    const { server, kiosk, staff } = rig;
    await answeredCall(rig);

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
