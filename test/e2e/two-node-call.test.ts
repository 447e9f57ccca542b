import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { twoTestNodes } from '../fixtures/two-nodes';
import { openBrowser, readInboundMedia, waitForMedia, type BrowserHandle } from '../helpers/browser';
import { answerFirstInQueue, expectBothDecode, hangUpAtDesk, loginAtDesk, walkInAtKiosk } from '../helpers/call-flow';
import { eventually, until } from '../helpers/poll';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { databaseKinds } from '../helpers/test-database';

const database = databaseKinds().at(-1) ?? 'embedded';
const originOf = (url: string): string => new URL(url).origin;

describe(`a kiosk on node 1, a specialist on node 2 (Chromium, Redis adapter, ${database} PostgreSQL)`, async () => {
  const reachable = await redisReachable();
  let kiosk: BrowserHandle;
  let staff: BrowserHandle;

  // Registered before the nodes' hooks: the browsers open first and close before the nodes do.
  before(async () => {
    if (!reachable) return;
    kiosk = await openBrowser();
    staff = await openBrowser();
  });
  after(async () => {
    await kiosk?.close();
    await staff?.close();
  });
  // Each node must know the other's origin: CSP on node 2's page, origin check on node 1.
  const nodes = twoTestNodes({
    reachable,
    name: 'e2e-node',
    server: { database },
    until: ({ node1, node2 }) => node1.app.cluster.peerOrigins().includes(originOf(node2.url)) && node2.app.cluster.peerOrigins().includes(originOf(node1.url)),
  });

  it('staff answer through their own node; the call runs on the kiosk\'s node and both decode', { skip: reachable ? false : `no Redis at ${REDIS_URL}` }, async () => {
    const { node1, node2 } = nodes;
    await loginAtDesk(staff.page, node2.url);
    await walkInAtKiosk(kiosk.page, node1.url, node1.demo.kioskCredential);
    // The resident waiting on node 1 shows up in node 2's queue.
    await answerFirstInQueue(staff.page);
    await expectBothDecode(staff.page, kiosk.page);

    // All media on node 1 (both peers' send and receive transports), none on node 2.
    assert.equal((await node1.sfu.stats()).media.transports, 4);
    assert.equal((await node2.sfu.stats()).media.transports, 0);

    // In-call requests travel the socket to node 1; the message reaches the kiosk, shown once at the desk.
    await staff.page.getByLabel('住民の方へのメッセージ').fill('ノード2からのメッセージ');
    await staff.page.getByRole('button', { name: '送信', exact: true }).click();
    await kiosk.page.getByText('ノード2からのメッセージ').first().waitFor({ timeout: 10_000 });
    await staff.page.waitForTimeout(500);
    assert.equal(await staff.page.locator('.chat__message').count(), 1, 'the message is listed once, not once per socket');

    const consultations = await node1.app.repositories.consultations.list({ page: 1, pageSize: 1 });
    const consultationId = consultations.items[0]?.id;
    assert.ok(consultationId);

    // The desk's socket to node 1 breaks (its connection to node 2 does not): it reconnects to
    // node 1 by itself and joins the same call again.
    const staffSockets = (await node1.app.io.local.fetchSockets()).filter((s) => s.data.principal.role === 'staff');
    assert.equal(staffSockets.length, 1, 'the desk has one socket on node 1: the call\'s');
    const framesBefore = (await readInboundMedia(staff.page)).videoFramesDecoded;
    for (const socket of staffSockets) (socket as unknown as { conn: { close(): void } }).conn.close();
    const resumed = await waitForMedia(staff.page, (m) => m.videoFramesDecoded > framesBefore + 30, 20_000);
    assert.ok(resumed.videoFramesDecoded > framesBefore + 30, 'staff decode the kiosk again after the socket to node 1 came back');
    const types = await until(
      async () => (await node1.app.repositories.consultationEvents.listFor(consultationId)).map((e) => e.type),
      (seen) => seen.includes('reconnected'),
      { timeoutMs: 10_000, what: 'the desk rejoined on node 1' },
    );
    assert.ok(types.includes('left'), types.join(', '));
    assert.equal((await node2.sfu.stats()).media.transports, 0, 'still nothing on node 2');

    await hangUpAtDesk(staff.page);
    await kiosk.page.getByRole('button', { name: /^満足/ }).click({ timeout: 20_000 });
    await staff.page.getByRole('combobox', { name: /^対応結果/ }).selectOption({ label: '解決' });
    await staff.page.getByRole('button', { name: '記録して待ち列へ戻る' }).click();
    // Not the button going away: while saving it is renamed 「保存しています…」.
    await staff.page.getByText('対応結果を記録しました。').waitFor({ timeout: 10_000 });

    // The kiosk's survey answer is written on node 1 as it arrives.
    const record = await until(() => node1.app.repositories.consultations.findById(consultationId), (r) => r?.satisfaction !== null, {
      timeoutMs: 10_000,
      what: 'the survey answer on the record',
    });
    assert.equal(record?.endReason, 'staff_ended');
    assert.equal(record?.outcomeCode, 'resolved');
    assert.equal(record?.satisfaction, 4);
    // The socket to node 1 closes with the call.
    await eventually(async () => (await node1.sfu.stats()).media.transports === 0);
  });
});
