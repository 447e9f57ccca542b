import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WaitOutlook } from '@madoguchi/contract/consultation';
import { pairKiosk } from '../fixtures/members';
import { twoTestNodes } from '../fixtures/two-nodes';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { eventually } from '../helpers/poll';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';

/** The outlook of the last `queuePosition` a kiosk heard. */
function outlookOf(kiosk: TestSocket): () => WaitOutlook | null {
  let last: WaitOutlook | null = null;
  kiosk.on('queuePosition', (payload) => {
    last = payload.outlook;
  });
  return () => last;
}

/**
 * Issue 14 item 6 in a cluster: the forecast a waiting resident gets counts who is online,
 * available and in a call on every node, not only on the node their kiosk reached.
 */
describe('wait forecasts across two server nodes (Redis, one database)', async () => {
  const reachable = await redisReachable();
  const skip = reachable ? false : `no Redis at ${REDIS_URL}`;
  const nodes = twoTestNodes({ reachable, name: 'presence' });

  it('a specialist in a call held by the other node is busy, not free; their hang-up and 離席中 there reach the resident here', { skip }, async () => {
    const { node1, node2 } = nodes;
    const admin = restClient(node1.url, (await loginStaff(node1.url, 'demo-admin', 'test-password')).accessToken);
    const second = await pairKiosk(node1.url, admin, '北出張所');
    const staffAuth = await loginStaff(node2.url, 'demo-staff', 'test-password');
    // The only member online: their console is on node 2, and so is the first kiosk's call.
    const staff = await connectSocket(node2.url, staffAuth.accessToken);
    const kioskOn2 = await connectSocket(node2.url, (await kioskToken(node2.url, node2.demo.kioskCredential)).accessToken);
    const kioskOn1 = await connectSocket(node1.url, second.token);
    const outlookOn1 = outlookOf(kioskOn1);
    try {
      const first = expectOk(await request(kioskOn2, 'callStaff', {}));
      const answered = nextEvent(kioskOn2, 'callAccepted');
      expectOk(await request(staff, 'acceptCall', { consultationId: first.consultationId }));
      await answered;
      assert.ok(node2.app.consultations.has(first.consultationId) && !node1.app.consultations.has(first.consultationId), 'node 2 holds the call');

      // Node 1 sees the member online (their socket on node 2) and must not take them as free.
      const waiting = expectOk(await request(kioskOn1, 'callStaff', {}));
      await eventually(async () => outlookOn1() === 'waiting', 5_000).catch(() => {
        assert.fail(`the resident on node 1 was told "${String(outlookOn1())}" while the only specialist is in a call on node 2`);
      });

      // The call on node 2 ends: node 1's resident hears that someone is free.
      expectOk(await request(staff, 'hangUp', { consultationId: first.consultationId }));
      await eventually(async () => outlookOn1() === 'soon', 5_000).catch(() => {
        assert.fail(`after the hang-up on node 2 the resident on node 1 still hears "${String(outlookOn1())}"`);
      });

      // 離席中 on node 2: nobody can answer the resident on node 1, and back again.
      expectOk(await request(staff, 'setAvailability', { available: false }));
      await eventually(async () => outlookOn1() === 'nobody', 5_000);
      expectOk(await request(staff, 'setAvailability', { available: true }));
      await eventually(async () => outlookOn1() === 'soon', 5_000);

      // The console closed on node 2: nobody is online for node 1's resident.
      staff.disconnect();
      await eventually(async () => outlookOn1() === 'nobody', 5_000);
      expectOk(await request(kioskOn1, 'cancelCall', { consultationId: waiting.consultationId }));
    } finally {
      staff.disconnect();
      kioskOn1.disconnect();
      kioskOn2.disconnect();
    }
  });
});
