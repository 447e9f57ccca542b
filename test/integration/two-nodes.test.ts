import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { Department } from '@madoguchi/contract/departments';
import type { OperationsOverview } from '@madoguchi/contract/operations';
import { createMember, pairKiosk } from '../fixtures/members';
import { twoTestNodes } from '../fixtures/two-nodes';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { eventually } from '../helpers/poll';
import { redisReachable, REDIS_URL } from '../helpers/redis';

async function queueOf(socket: TestSocket): Promise<string[]> {
  return expectOk(await request(socket, 'getQueue', {})).map((e) => e.consultationId);
}

describe('two server nodes sharing queue and notifications through Redis', async () => {
  const reachable = await redisReachable();
  const nodes = twoTestNodes({ reachable, name: 'node' });

  it('each node lets the other\'s pages open sockets to it, and no one else', { skip: reachable ? false : `no Redis at ${REDIS_URL}` }, async () => {
    const { node1, node2 } = nodes;
    await eventually(async () => node1.app.cluster.peerOrigins().includes(node2.url) && node2.app.cluster.peerOrigins().includes(node1.url));
    const page = await fetch(`${node2.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, new RegExp(`connect-src 'self' ${node1.url.replace(/[.:/]/g, '\\$&')}`), csp);

    const staffAuth = await loginStaff(node1.url, 'demo-staff', 'test-password');
    const fromNode2Page = await connectSocket(node1.url, staffAuth.accessToken, { origin: node2.url });
    fromNode2Page.disconnect();
    await assert.rejects(connectSocket(node1.url, staffAuth.accessToken, { origin: 'http://evil.example' }));
  });

  it('a kiosk on node 1 is answered by staff on node 2, media on node 1', { skip: reachable ? false : `no Redis at ${REDIS_URL}` }, async () => {
    const { node1, node2 } = nodes;
    const kioskAuth = await kioskToken(node1.url, node1.demo.kioskCredential);
    const staffAuth = await loginStaff(node2.url, 'demo-staff', 'test-password');
    const kiosk = await connectSocket(node1.url, kioskAuth.accessToken);
    const staffOn2 = await connectSocket(node2.url, staffAuth.accessToken);
    const staffOn1 = await connectSocket(node1.url, staffAuth.accessToken);
    try {
      const queuedOn2 = nextEvent(staffOn2, 'queueUpdated');
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
      assert.deepEqual((await queuedOn2)[0].map((e) => e.consultationId), [consultationId], 'node 2 staff hear of the resident on node 1');
      await eventually(async () => (await queueOf(staffOn2)).includes(consultationId));
      assert.deepEqual(await queueOf(staffOn1), [consultationId]);

      const acceptedAtKiosk = nextEvent(kiosk, 'callAccepted');
      const emptiedOn2 = nextEvent(staffOn2, 'queueUpdated');
      const accepted = expectOk(await request(staffOn2, 'acceptCall', { consultationId }));
      assert.equal(accepted.mediaNodeUrl, node1.url, 'staff are sent to the node that holds the media');
      assert.equal((await acceptedAtKiosk)[0].consultationId, consultationId);
      assert.deepEqual((await emptiedOn2)[0], [], 'the queue on node 2 updates');
      await eventually(async () => (await queueOf(staffOn1)).length === 0);

      // A second accept from either node loses.
      const again = await request(staffOn2, 'acceptCall', { consultationId });
      assert.equal(!again.ok && again.error.code, 'ALREADY_TAKEN');

      // The staff member joins the room through node 1, as told.
      const { routerRtpCapabilities } = expectOk(await request(staffOn1, 'getServerInfo', {}));
      const joined = expectOk(await request(staffOn1, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
      assert.ok(joined.sendTransport.id);

      // A console reloaded on node 2 is told its live call and where it is held.
      const resumed = expectOk(await request(staffOn2, 'resumeCall', {}));
      assert.deepEqual([resumed.live?.consultationId, resumed.live?.state, resumed.live?.mediaNodeUrl], [consultationId, 'active', node1.url]);

      // A guest invited from node 2 is sent to node 1, which holds the call.
      const link = expectStatus<GuestLink>(
        await restClient(node2.url, staffAuth.accessToken).call('createGuestLink', { params: { id: consultationId }, body: { label: '通訳' } }),
        201,
      );
      assert.equal(new URL(link.url).origin, node1.url, 'the guest link opens the node holding the media');

      // The operator view on node 2 shows both nodes' load; the call's transports are on node 1.
      const admin = await loginStaff(node2.url, 'demo-admin', 'test-password');
      const overview = expectStatus<OperationsOverview>(await restClient(node2.url, admin.accessToken).call('operationsOverview'), 200);
      assert.equal(overview.allNodesAnswered, true);
      assert.deepEqual(
        overview.nodes.map((n) => [n.nodeId, n.self, n.media.transports]),
        [
          [node2.app.cluster.nodeId, true, 0],
          [node1.app.cluster.nodeId, false, 2],
        ],
      );

      // A hang-up sent to node 2 (the desk's socket to node 1 is down) is passed on to node 1;
      // the end reaches the kiosk and the desk's socket on node 2.
      const endedAtKiosk = nextEvent(kiosk, 'callEnded');
      const endedOn2 = nextEvent(staffOn2, 'callEnded');
      expectOk(await request(staffOn2, 'hangUp', { consultationId }));
      assert.equal((await endedAtKiosk)[0].reason, 'staff_ended');
      assert.equal((await endedOn2)[0].reason, 'staff_ended');
      // Once nobody holds the call, a hang-up is refused as before.
      const late = await request(staffOn2, 'hangUp', { consultationId });
      assert.equal(!late.ok && late.error.code, 'NOT_FOUND');
    } finally {
      kiosk.disconnect();
      staffOn1.disconnect();
      staffOn2.disconnect();
    }
  });

  it('a department change made through node 1 re-scopes the member\'s console on node 2 (issue 12)', { skip: reachable ? false : `no Redis at ${REDIS_URL}` }, async () => {
    const { node1, node2 } = nodes;
    const adminToken = (await loginStaff(node1.url, 'demo-admin', 'test-password')).accessToken;
    const admin = restClient(node1.url, adminToken);
    const department = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'zeimu-nodes', name: '税務課', icon: 'tax' } }), 201);
    const member = await createMember(node1.url, admin, { loginId: 'moved-member', departmentIds: [] });
    const kiosk = await connectSocket(node1.url, (await pairKiosk(node1.url, admin, '東支所')).token);
    const console2 = await connectSocket(node2.url, member.token);
    const adminOn2 = await connectSocket(node2.url, adminToken);
    const sent: QueueEntry[][] = [];
    console2.on('queueUpdated', (entries) => sent.push([...entries]));
    try {
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', { departmentId: department.id }));
      // Node 2 knows the resident (the admin there sees every department).
      await eventually(async () => (await queueOf(adminOn2)).includes(consultationId));
      assert.deepEqual(await queueOf(console2), [], 'not in 税務課 yet');

      expectStatus(await admin.call('updateStaff', { params: { id: member.id }, body: { departmentIds: [department.id] } }), 200);
      await eventually(async () => sent.some((entries) => entries.some((e) => e.consultationId === consultationId)));
      assert.deepEqual(await queueOf(console2), [consultationId], 'node 2 answers getQueue with the new scope');

      expectStatus(await admin.call('updateStaff', { params: { id: member.id }, body: { departmentIds: [] } }), 200);
      await eventually(async () => (await queueOf(console2)).length === 0);
      sent.length = 0;
      const refused = await request(console2, 'acceptCall', { consultationId });
      assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');
      expectOk(await request(kiosk, 'cancelCall', { consultationId }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!sent.some((entries) => entries.some((e) => e.departmentId === department.id)), 'nothing of 税務課 reaches node 2 after the change');
    } finally {
      kiosk.disconnect();
      console2.disconnect();
      adminOn2.disconnect();
    }
  });
});
