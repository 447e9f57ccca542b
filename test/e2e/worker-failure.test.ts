import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInboundMedia, waitForMedia } from '../helpers/browser';
import { hangUpAtDesk } from '../helpers/call-flow';
import { startTestServer } from '../helpers/start-server';
import { answeredCall, kioskAndDesk } from '../fixtures/kiosk-and-desk';

describe('a media worker dies in the middle of a call (Chromium)', () => {
  const rig = kioskAndDesk(() => startTestServer({ webRtcServerPort: 0 }));

  it('the server rebuilds the room on a new worker and both sides get media back by themselves', async () => {
    const { server, kiosk, staff } = rig;
    await answeredCall(rig);
    const consultations = await server.app.repositories.consultations.list({ page: 1, pageSize: 5 });
    const consultationId = consultations.items[0]?.id;
    assert.ok(consultationId);

    const [worker] = (await server.sfu.stats()).workers;
    assert.ok(worker);
    const [staffBefore, kioskBefore] = await Promise.all([readInboundMedia(staff.page), readInboundMedia(kiosk.page)]);
    const killedAt = Date.now();
    process.kill(worker.pid, 'SIGKILL');
    const recovered = (before: number) => (m: { videoFramesDecoded: number }) => m.videoFramesDecoded > before + 5;
    await Promise.all([
      waitForMedia(staff.page, recovered(staffBefore.videoFramesDecoded), 20_000),
      waitForMedia(kiosk.page, recovered(kioskBefore.videoFramesDecoded), 20_000),
    ]);
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    process.stdout.write(`# media back on both sides ${recoverySeconds.toFixed(1)} s after the worker was killed\n`);

    const [replacement] = (await server.sfu.stats()).workers;
    assert.notEqual(replacement?.pid, worker.pid, 'a new worker took the dead one\'s place');
    const after = await server.app.repositories.consultations.list({ page: 1, pageSize: 5 });
    assert.equal(after.total, consultations.total, 'no new consultation record');
    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.equal(record?.status, 'active', 'the same consultation goes on');
    const types = (await server.app.repositories.consultationEvents.listFor(consultationId)).map((e) => e.type);
    assert.ok(types.includes('media_restarted') && types.includes('reconnected'), types.join(', '));
    await hangUpAtDesk(staff.page);
  });
});
