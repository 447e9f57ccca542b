import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openBrowser, readInboundMedia, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { hangUpAtDesk } from '../helpers/call-flow';
import { closeAll } from '../helpers/close-all';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { answeredCall } from '../fixtures/kiosk-and-desk';
import { freeUdpPort, startUdpRelay, type UdpRelay } from '../helpers/udp-relay';

/**
 * The media path alone breaks for a while (a router dropping UDP, a Wi-Fi hiccup at the
 * kiosk) while the signalling socket stays up. ICE goes 'disconnected', the client restarts ICE
 * and the same transports carry the call on once packets flow again: no rejoin, no new record.
 */
describe('the media path is cut while signalling stays up (Chromium, UDP relay)', () => {
  // mediasoup listens on 127.0.0.2 and announces 127.0.0.1, where the relay sits on the same port.
  const SFU_HOST = '127.0.0.2';
  const RELAY_HOST = '127.0.0.1';
  let server: TestServer;
  let relay: UdpRelay;
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  before(async () => {
    const port = await freeUdpPort(RELAY_HOST);
    server = await startTestServer({
      webRtcServerPort: port,
      reconnectGraceMs: 20_000,
      sfu: { listenIp: SFU_HOST, announcedIp: RELAY_HOST },
    });
    relay = await startUdpRelay({ host: RELAY_HOST, port }, { host: SFU_HOST, port });
    kiosk = await openBrowser();
    staff = await openBrowser();
  });
  after(() => closeAll(kiosk, staff, relay, server));

  it('an 8 s cut: ICE restarts, both sides decode again on the same transports', { timeout: 90_000 }, async () => {
    await answeredCall({ server, kiosk, staff });
    assert.ok(relay.counts.forwarded > 100, 'the media runs through the relay');
    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id;
    assert.ok(consultationId);
    const transportsBefore = (await server.sfu.stats()).media.transports;

    const logs: string[] = [];
    for (const side of [staff, kiosk]) side.page.on('console', (message) => logs.push(message.text()));
    relay.cut();
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const [staffCut, kioskCut] = await Promise.all([readInboundMedia(staff.page), readInboundMedia(kiosk.page)]);
    relay.restore();
    const restoredAt = Date.now();

    const more = (before: number) => (m: { videoFramesDecoded: number }) => m.videoFramesDecoded > before + 30;
    const [atStaff, atKiosk] = await Promise.all([
      waitForMedia(staff.page, more(staffCut.videoFramesDecoded), 30_000),
      waitForMedia(kiosk.page, more(kioskCut.videoFramesDecoded), 30_000),
    ]);
    assert.ok(more(staffCut.videoFramesDecoded)(atStaff), 'staff decode the kiosk again');
    assert.ok(more(kioskCut.videoFramesDecoded)(atKiosk), 'the kiosk decodes the staff again');
    assert.ok(logs.some((line) => line.includes('transport state') && line.includes('disconnected')), 'ICE noticed the cut');
    assert.ok(logs.some((line) => line.includes('ice restarted')), 'ICE was restarted');
    process.stdout.write(`# both sides decode again ${((Date.now() - restoredAt) / 1000).toFixed(1)} s after the media path came back\n`);

    const record = await server.app.repositories.consultations.findById(consultationId);
    assert.equal(record?.status, 'active', 'the same consultation goes on');
    const types = (await server.app.repositories.consultationEvents.listFor(consultationId)).map((e) => e.type);
    assert.ok(!types.includes('left'), `no participant left the call: ${types.join(', ')}`);
    assert.equal((await server.sfu.stats()).media.transports, transportsBefore, 'the same transports, ICE restarted');
    await hangUpAtDesk(staff.page);
  });
});
