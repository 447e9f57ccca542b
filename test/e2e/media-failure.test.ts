import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { until } from '../helpers/poll';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { startTcpRelay, type TcpRelay } from '../helpers/tcp-relay';
import { freeUdpPort, startUdpRelay, type UdpRelay } from '../helpers/udp-relay';

/** The protocols of the ICE pairs the page's live peer connections selected. */
async function selectedProtocols(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const protocols: string[] = [];
    for (const pc of connections) {
      if (pc.connectionState !== 'connected') continue;
      const reports = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((report: Record<string, unknown>) => reports.set(String(report['id']), report));
      for (const report of reports.values()) {
        if (report['type'] !== 'transport' || !report['selectedCandidatePairId']) continue;
        const pair = reports.get(String(report['selectedCandidatePairId']));
        const local = pair ? reports.get(String(pair['localCandidateId'])) : undefined;
        if (local) protocols.push(String(local['protocol']));
      }
    }
    return protocols;
  });
}

/**
 * Signalling works but the media port does not (a city-hall firewall): mediasoup listens on
 * 127.0.0.2 and announces 127.0.0.1, where a UDP relay and, when a test wants it, a TCP relay
 * sit on the same port number. The no-media timeout is 5 s here (MEDIA_TIMEOUT_SECONDS).
 */
describe('calls whose media cannot get through (Chromium, single-port mediasoup behind relays)', () => {
  const SFU_HOST = '127.0.0.2';
  const RELAY_HOST = '127.0.0.1';
  let port: number;
  let server: TestServer;
  let udp: UdpRelay;
  let tcp: TcpRelay | null = null;
  let kiosk: BrowserHandle | null = null;
  let staff: BrowserHandle | null = null;

  before(async () => {
    port = await freeUdpPort(RELAY_HOST);
    server = await startTestServer({
      webRtcServerPort: port,
      reconnectGraceMs: 20_000,
      sfu: { listenIp: SFU_HOST, announcedIp: RELAY_HOST, noMediaTimeoutSeconds: 5 },
    });
    udp = await startUdpRelay({ host: RELAY_HOST, port }, { host: SFU_HOST, port });
  });
  afterEach(async () => {
    await kiosk?.close();
    await staff?.close();
    await tcp?.close();
    kiosk = staff = tcp = null;
    udp.restore();
  });
  after(async () => {
    await udp?.close();
    await server?.close();
  });

  const startCall = async (): Promise<{ kiosk: Page; staff: Page; consultationId: string }> => {
    kiosk = await openBrowser();
    staff = await openBrowser();
    await loginAtDesk(staff.page, server.url);
    await walkInAtKiosk(kiosk.page, server.url, server.demo.kioskCredential);
    await answerFirstInQueue(staff.page);
    const consultationId = (await server.app.repositories.consultations.list({ page: 1, pageSize: 1 })).items[0]?.id;
    assert.ok(consultationId);
    return { kiosk: kiosk.page, staff: staff.page, consultationId };
  };

  it('neither UDP nor TCP gets through: both screens say so plainly and the record says media_failed', { timeout: 90_000 }, async () => {
    udp.cut();
    const call = await startCall();
    const staffLog: string[] = [];
    call.staff.on('console', (message) => staffLog.push(message.text()));
    // 5 s over UDP, 5 s over TCP, then the call ends: the kiosk must not sit at 通話中 over black video.
    await call.kiosk.getByText('ただいま映像がつながりません。').waitFor({ timeout: 40_000 });
    await call.kiosk.getByText('職員からお電話します。').waitFor();
    await call.kiosk.getByText('もう一度お試しください。').waitFor();
    assert.ok(await call.kiosk.getByRole('button', { name: 'もう一度 呼ぶ' }).isVisible(), 'a big button to try again');
    assert.ok(await call.kiosk.getByRole('button', { name: 'おわる' }).isVisible());

    // Staff are told the media port is unreachable from this PC, and what to ask IT, naming it.
    const notice = call.staff.getByRole('status').filter({ hasText: 'このPCからメディアサーバー' });
    await notice.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await call.staff.screenshot({ path: '/tmp/media-staff.png' });
      process.stdout.write(`# staff console:\n${staffLog.join('\n')}\n`);
      throw error;
    });
    const text = await notice.innerText();
    assert.match(text, new RegExp(`127\\.0\\.0\\.1 の UDP と TCP のポート ${port}`), text);
    assert.match(text, /IT担当者/);

    const record = await until(() => server.app.repositories.consultations.findById(call.consultationId), (r) => r?.status === 'ended', { timeoutMs: 10_000, what: 'the record closed' });
    assert.equal(record?.endReason, 'media_failed');
    assert.equal(record?.mediaFlag, 'media_failed');
    const types = (await server.app.repositories.consultationEvents.listFor(call.consultationId)).map((e) => e.type);
    assert.ok(types.includes('media_tcp_fallback'), `TCP was tried first: ${types.join(', ')}`);
    assert.ok(types.includes('media_failed'), types.join(', '));

    // The kiosk offers another try: back to the first choice.
    await call.kiosk.getByRole('button', { name: 'もう一度 呼ぶ' }).click();
    await call.kiosk.getByRole('button', { name: /予約なしで相談/ }).waitFor();
  });

  it('UDP passes ICE checks but no media, TCP works: the call falls back to TCP and both decode', { timeout: 90_000 }, async () => {
    udp.passOnlyStun();
    tcp = await startTcpRelay({ host: RELAY_HOST, port }, { host: SFU_HOST, port });
    const startedAt = Date.now();
    const call = await startCall();
    await expectBothDecode(call.staff, call.kiosk);
    process.stdout.write(`# both sides decode over TCP ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the call was answered\n`);
    const [atStaff, atKiosk] = await Promise.all([selectedProtocols(call.staff), selectedProtocols(call.kiosk)]);
    assert.ok(atStaff.length > 0 && atStaff.every((p) => p === 'tcp'), `staff media over TCP: ${atStaff.join(', ')}`);
    assert.ok(atKiosk.length > 0 && atKiosk.every((p) => p === 'tcp'), `kiosk media over TCP: ${atKiosk.join(', ')}`);
    assert.ok(tcp.connections > 0, 'the media ran through the TCP relay');

    await hangUpAtDesk(call.staff);
    const record = await until(() => server.app.repositories.consultations.findById(call.consultationId), (r) => r?.status === 'ended', { timeoutMs: 10_000, what: 'the record closed' });
    assert.equal(record?.endReason, 'staff_ended');
    assert.equal(record?.mediaFlag, 'tcp_fallback', 'the record says the call needed TCP');
  });

  it('the connection check page: UDP blocked, TCP working, with round trip, bit rate and a plain verdict', { timeout: 90_000 }, async () => {
    udp.cut();
    tcp = await startTcpRelay({ host: RELAY_HOST, port }, { host: SFU_HOST, port });
    staff = await openBrowser();
    const page = staff.page;
    page.on('console', (message) => {
      if (message.text().includes('check')) process.stdout.write(`# [page] ${message.text()}\n`);
    });
    // Reachable from the login screen; it opens once logged in.
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /接続チェック/ }).click();
    await page.getByLabel('ログインID').fill('demo-staff');
    await page.getByLabel('パスワード').fill('test-password');
    await page.getByRole('button', { name: 'ログイン' }).click();
    // Logged in, the menu's 接続チェック opens the same page.
    await page.getByRole('link', { name: '接続チェック' }).click({ timeout: 15_000 });
    await page.getByRole('button', { name: 'チェックを始める' }).click({ timeout: 15_000 });
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    await row('メディア通信（TCP）').getByText(/OK|使えません/).waitFor({ timeout: 40_000 });
    assert.match(await row('カメラ').innerText(), /OK/);
    assert.match(await row('マイク').innerText(), /OK/);
    assert.match(await row('メディア通信（UDP）').innerText(), /使えません/);
    const tcpRow = await row('メディア通信（TCP）').innerText();
    assert.match(tcpRow, /OK\s+往復 \d+ ms、受信 \d+ kbps/, tcpRow);
    const verdict = await page.getByRole('status').filter({ hasText: 'TCP で接続します' }).innerText();
    assert.match(verdict, new RegExp(`UDP と TCP のポート ${port}`), verdict);
    process.stdout.write(`# connection check over TCP: ${tcpRow.replace(/\s+/g, ' ')}\n`);

    // The speaker test: a tone, then the person says whether they heard it.
    await page.getByRole('button', { name: 'テスト音を鳴らす' }).click();
    await page.getByRole('button', { name: '聞こえた' }).click();
    assert.match(await row('スピーカー').innerText(), /OK/);
  });

  it('the kiosk’s connection check (#check): the same loopback, in the kiosk app', { timeout: 90_000 }, async () => {
    udp.cut();
    tcp = await startTcpRelay({ host: RELAY_HOST, port }, { host: SFU_HOST, port });
    kiosk = await openBrowser();
    const page = kiosk.page;
    await page.goto(`${server.url}/kiosk/#credential=${server.demo.kioskCredential}`);
    await page.getByRole('button', { name: 'はじめる' }).and(page.locator(':enabled')).waitFor({ timeout: 20_000 });
    // The installer opens /kiosk/#check on the kiosk itself.
    await page.goto(`${server.url}/kiosk/#check`);
    await page.reload();
    await page.getByRole('button', { name: 'チェックを始める' }).and(page.locator(':enabled')).click({ timeout: 20_000 });
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    await row('メディア通信（TCP）').getByText(/OK|使えません/).waitFor({ timeout: 40_000 });
    assert.match(await row('メディア通信（UDP）').innerText(), /使えません/);
    assert.match(await row('メディア通信（TCP）').innerText(), /OK\s+往復 \d+ ms、受信 \d+ kbps/);
    assert.match(await row('カメラ').innerText(), /OK/);
    await page.getByRole('status').filter({ hasText: 'TCP で接続します' }).waitFor();
    await page.getByRole('button', { name: '閉じる' }).click();
    await page.getByRole('button', { name: 'はじめる' }).waitFor();
  });
});
