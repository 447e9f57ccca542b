import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { twoProcessesWithBrowsers } from '../fixtures/two-processes';
import { secondsUntilNewStream, videoStreams } from '../helpers/browser';
import { hangUpAtDesk } from '../helpers/call-flow';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { queryRows } from '../helpers/server-process';

/**
 * Issue 13 item 2: two real server processes sharing PostgreSQL and Redis. The resident's kiosk
 * is on node A (which holds the call), the specialist's console on node B. A is killed with
 * SIGKILL: the kiosk, told the cluster's nodes by A, reaches B; B takes the consultation over
 * once A's lease has run out, and both sides decode each other again through B. One record.
 */
describe('the node holding a call is killed and the call goes on through the other node (two processes, Chromium)', async () => {
  const reachable = await redisReachable();
  // NODE_FAILOVER_SECONDS is left at its default (10).
  const cluster = twoProcessesWithBrowsers({ reachable, ports: { from: 4400, pairs: 100 }, name: 'e2e-failover', env: { NODE_LEASE_SECONDS: '3' } });

  it('media flows again on both sides through node B, as the same consultation with a node_failover event', { skip: reachable ? false : `no Redis at ${REDIS_URL}` }, async () => {
    // The demo seed wrote two weeks of past consultations: only this test's count.
    const testStart = Date.now();
    await cluster.callThrough(cluster.nodeA, cluster.nodeB);
    const { db, nodeA, nodeB, kiosk, staff } = cluster;
    const [kioskBefore, staffBefore] = await Promise.all([videoStreams(kiosk.page), videoStreams(staff.page)]);

    const killedAt = await nodeA.kill();
    const [kioskSeconds, staffSeconds] = await Promise.all([
      secondsUntilNewStream(kiosk.page, kioskBefore, killedAt, 30_000),
      secondsUntilNewStream(staff.page, staffBefore, killedAt, 30_000),
    ]);
    process.stdout.write(`# holder killed -> media again through the other node: kiosk decodes after ${kioskSeconds.toFixed(1)} s, console after ${staffSeconds.toFixed(1)} s (goal 10 s)\n`);
    // The goal (10 s) is printed, not asserted: a loaded machine stretches every step.
    assert.ok(Math.max(kioskSeconds, staffSeconds) < 30);
    await kiosk.page.getByRole('button', { name: '通話を終了' }).waitFor({ timeout: 5_000 });
    assert.equal(await kiosk.page.getByText('再接続しています').count(), 0, 'the kiosk no longer says it is reconnecting');

    interface Row {
      id: string;
      node_id: string;
      ended_at: Date | null;
      failovers: string;
      ended_events: string;
    }
    const rowsNow = (): Promise<Row[]> =>
      queryRows<Row>(
        db.url,
        `SELECT id, node_id, ended_at,
                (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'node_failover') AS failovers,
                (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'ended') AS ended_events
           FROM consultation_session s WHERE queued_at > $1 ORDER BY queued_at`,
        [new Date(testStart)],
      );
    const rows = await rowsNow();
    assert.equal(rows.length, 1, 'one consultation, no second record');
    assert.deepEqual(rows.map((r) => [r.node_id, r.ended_at, r.failovers, r.ended_events]), [[nodeB.nodeId, null, '1', '0']]);

    // Past the failover grace the call is still live (B holds it, nothing swept it).
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    assert.equal((await rowsNow())[0]?.ended_at, null);

    await hangUpAtDesk(staff.page);
    await kiosk.page.getByRole('button', { name: /^満足/ }).first().waitFor({ timeout: 15_000 });
    const ended = await queryRows<{ end_reason: string; ended_events: string }>(
      db.url,
      `SELECT end_reason, (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'ended') AS ended_events
         FROM consultation_session s WHERE queued_at > $1`,
      [new Date(testStart)],
    );
    assert.deepEqual(ended, [{ end_reason: 'staff_ended', ended_events: '1' }]);
  });
});
