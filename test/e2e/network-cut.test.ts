import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readInboundMedia, waitForMedia } from '../helpers/browser';
import { startTestServer } from '../helpers/start-server';
import { hangUpAtDesk, loginAtDesk } from '../helpers/call-flow';
import { kioskAndDesk } from '../fixtures/kiosk-and-desk';

/**
 * The kiosk's network goes away (Chromium's offline mode: its signalling socket drops) and comes
 * back. A 5 s cut resumes the same consultation; a 60 s cut (longer than the server's 20 s grace
 * period) ends it as network_lost and the kiosk returns to its start screen by itself.
 */
describe('the kiosk loses its network during a call (Chromium)', () => {
  // The product's default grace period (RECONNECT_GRACE_SECONDS=20).
  const GRACE_MS = 20_000;
  const rig = kioskAndDesk(
    () => startTestServer({ webRtcServerPort: 0, reconnectGraceMs: GRACE_MS }),
    async ({ server, kiosk, staff }) => {
      await loginAtDesk(staff.page, server.url, server.demo.staffLoginId, server.demo.staffPassword);
      await kiosk.page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    },
  );

  const startCall = async (): Promise<string> => {
    const { server, kiosk, staff } = rig;
    await kiosk.page.getByRole('button', { name: 'はじめる' }).click({ timeout: 20_000 });
    await kiosk.page.getByRole('button', { name: /予約なしで相談/ }).click();
    const later = staff.page.getByRole('button', { name: '後で記録する' });
    if (await later.isVisible()) await later.click();
    await staff.page.getByRole('button', { name: '応答' }).first().click({ timeout: 15_000 });
    const flowing = (m: { videoFramesDecoded: number }): boolean => m.videoFramesDecoded > 10;
    await Promise.all([waitForMedia(staff.page, flowing), waitForMedia(kiosk.page, flowing)]);
    const latest = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    const id = latest.items[0]?.id;
    assert.ok(id);
    return id;
  };

  it('a 5 s cut: the same consultation resumes, no new record', async () => {
    const { server, kiosk, staff } = rig;
    const consultationId = await startCall();
    const before = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    await kiosk.context.setOffline(true);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await kiosk.context.setOffline(false);
    const restoredAt = Date.now();
    const staffFrames = (await readInboundMedia(staff.page)).videoFramesDecoded;
    await waitForMedia(staff.page, (m) => m.videoFramesDecoded > staffFrames + 30, 20_000);
    process.stdout.write(`# staff decode the kiosk again ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the network came back\n`);
    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.equal(record?.status, 'active', 'the same consultation goes on');
    const now = await server.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    assert.equal(now.total, before.total, 'no new consultation record');
    // The kiosk's socket comes back and it joins the same consultation again.
    let types: string[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      types = (await server.app.repositories.consultationEvents.listFor(consultationId)).map((e) => e.type);
      if (types.includes('reconnected')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    process.stdout.write(`# the kiosk rejoined the consultation ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the network came back\n`);
    assert.ok(types.includes('left') && types.includes('reconnected'), types.join(', '));
    await hangUpAtDesk(staff.page);
    await kiosk.page.getByRole('button', { name: 'とばす' }).click({ timeout: 20_000 });
  });

  it('a 60 s cut: the call ends as network_lost and the kiosk comes back to its start screen by itself', { timeout: 120_000 }, async () => {
    const { server, kiosk } = rig;
    const consultationId = await startCall();
    await kiosk.context.setOffline(true);
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.equal(record?.endReason, 'network_lost');
    await kiosk.context.setOffline(false);
    const restoredAt = Date.now();
    await kiosk.page.getByRole('button', { name: 'はじめる' }).waitFor({ timeout: 20_000 });
    process.stdout.write(`# kiosk at its start screen ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the network came back\n`);
  });
});
