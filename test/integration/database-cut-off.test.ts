import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDataSource } from '../../server/src/db/data-source';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { eventually } from '../helpers/poll';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { startTcpRelay, type TcpRelay } from '../helpers/tcp-relay';
import type { TestDatabase } from '../helpers/test-database';

interface ConsultationRow {
  node_id: string;
  end_reason: string | null;
  ended_at: string | null;
  at_last_beat: boolean | null;
  ended_events: string;
}

/**
 * Issue 13: a node that cannot reach PostgreSQL any more while the others can. After its lease
 * runs out the others record its calls node_lost; the cut-off node must then end them too, for
 * the people in them, instead of running on against the record.
 */
describe('a node cut off from PostgreSQL while another node reaches it (TCP relay cut by the test)', async () => {
  const reachable = await redisReachable();
  const skip = reachable ? false : `no Redis at ${REDIS_URL}`;
  let node1: TestServer;
  let node2: TestServer;
  let relay: TcpRelay;
  let target: { host: string; port: number };
  let db2: TestDatabase;

  before(async () => {
    if (!reachable) return;
    node1 = await startTestServer({ redisUrl: REDIS_URL, nodeId: `cutoff1-${process.pid}` });
    const url = new URL(node1.db.url);
    target = { host: url.hostname, port: Number(url.port || 5432) };
    relay = await startTcpRelay({ host: '127.0.0.1', port: 0 }, target);
    const viaRelay = new URL(node1.db.url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    // Node 2 reaches the same database only through the relay.
    const dataSource = await openDataSource(viaRelay.toString(), node1.db.searchPath ? { searchPath: node1.db.searchPath } : {});
    db2 = { ...node1.db, dataSource, close: async () => void (await dataSource.destroy().catch(() => undefined)) };
    node2 = await startTestServer({ redisUrl: REDIS_URL, nodeId: `cutoff2-${process.pid}`, sharedDatabase: db2 });
    await eventually(async () => node1.app.cluster.ready() && node2.app.cluster.ready());
  });
  after(async () => {
    if (!reachable) return;
    await node2.close();
    await db2.close();
    await relay.close().catch(() => undefined);
    await node1.close();
  });

  it('its calls end for the kiosk and the desk as node_lost, at its last beat, with one ended event, and stay so when it is back', { skip }, async () => {
    const staffAuth = await loginStaff(node2.url, 'demo-staff', 'test-password');
    const kiosk: TestSocket = await connectSocket(node2.url, (await kioskToken(node2.url, node2.demo.kioskCredential)).accessToken);
    const staff: TestSocket = await connectSocket(node2.url, staffAuth.accessToken);
    try {
      const accepted = nextEvent(kiosk, 'callAccepted');
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
      expectOk(await request(staff, 'acceptCall', { consultationId }));
      await accepted;
      // Both nodes beat as judges before the cut (a node judges only after a whole lease of beats).
      await eventually(async () => node1.app.lease.current === 'beating' && node2.app.lease.current === 'beating', 10_000);

      const endedAtKiosk = nextEvent(kiosk, 'callEnded', 20_000);
      const endedAtDesk = nextEvent(staff, 'callEnded', 20_000);
      const cutAt = Date.now();
      await relay.close();
      const [[kioskEnd], [deskEnd]] = await Promise.all([endedAtKiosk, endedAtDesk]);
      const toldAfterMs = Date.now() - cutAt;
      assert.deepEqual([kioskEnd.reason, deskEnd.reason], ['node_lost', 'node_lost']);
      assert.equal(node2.app.consultations.has(consultationId), false, 'the cut-off node no longer holds the call');
      console.log(`[figure] cut-off node ended its call for kiosk and desk ${(toldAfterMs / 1000).toFixed(1)} s after the cut (lease 3 s)`);

      const rowOf = async (): Promise<ConsultationRow | undefined> =>
        ((await node1.db.dataSource.query(
          `SELECT s.node_id, s.end_reason, s.ended_at::text AS ended_at, s.ended_at = n.last_beat_at AS at_last_beat,
                  (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'ended') AS ended_events
             FROM consultation_session s JOIN server_node n ON n.node_id = s.node_id WHERE s.id = $1`,
          [consultationId],
        )) as ConsultationRow[])[0];
      // Node 1 closes an answered call of a lost node after the lease and the failover grace
      // (NODE_FAILOVER_SECONDS, 10 s), waiting for its kiosk to come through another node.
      await eventually(async () => (await rowOf())?.end_reason === 'node_lost', 30_000);
      const closed = await rowOf();
      assert.deepEqual({ ...closed, ended_at: undefined }, { node_id: node2.app.cluster.nodeId, end_reason: 'node_lost', at_last_beat: true, ended_events: '1', ended_at: undefined });

      // The database comes back for node 2: its own queued end changes nothing, and it beats again.
      relay = await startTcpRelay({ host: '127.0.0.1', port: relay.port }, target);
      await eventually(async () => node2.app.lease.current === 'warming' || node2.app.lease.current === 'beating', 15_000);
      await node2.app.consultations.writes.flush(10_000);
      // (Its lease beats again, so the end is compared with what it was, not with the new beat.)
      const after = await rowOf();
      assert.deepEqual([after?.end_reason, after?.ended_at, after?.ended_events], ['node_lost', closed?.ended_at, '1']);
      // The kiosk can call again on its node.
      const again = expectOk(await request(kiosk, 'callStaff', {}));
      expectOk(await request(kiosk, 'cancelCall', { consultationId: again.consultationId }));
    } finally {
      kiosk.disconnect();
      staff.disconnect();
    }
  });
});
