import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startCall } from '../fixtures/call-scenario';
import { serverForSuite } from '../fixtures/suite-server';
import { request } from '../helpers/socket-client';
import { startTestServer } from '../helpers/start-server';

describe('graceful shutdown', () => {
  const server = serverForSuite();

  it('stops taking residents, reports not ready, and lets the live call finish', async () => {
    const call = await startCall(server);
    try {
      const draining = server.app.drain(10_000);
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 503, 'the load balancer stops sending new work');
      // The kiosk in the call cannot start another one; a fresh call is refused plainly.
      const refused = await request(call.kiosk, 'callStaff', {});
      assert.ok(!refused.ok);
      const startedAt = Date.now();
      setTimeout(() => void request(call.staff, 'hangUp', { consultationId: call.consultationId }), 300);
      const { remaining } = await draining;
      assert.equal(remaining, 0);
      assert.ok(Date.now() - startedAt < 5000, 'the drain ends as soon as the last call does');
      const record = await server.app.repositories.consultations.findById(call.consultationId);
      assert.equal(record?.endReason, 'staff_ended', 'the call ended normally, not as server_restart');
      const afterCall = await request(call.kiosk, 'callStaff', {});
      assert.equal(!afterCall.ok && afterCall.error.code, 'UNAVAILABLE');
    } finally {
      await call.close();
    }
  });

  it('gives up after the limit', async () => {
    const { remaining } = await server.app.drain(50);
    assert.equal(remaining, 0);
  });
});

describe('shutdown keeps the record events still waiting for their turn', () => {
  it('40 rejoins while the timeline writes are held up: every one of them is in the timeline after the node closes', async () => {
    // The database outlives the closing node, so the timeline can be read afterwards.
    await using keeper = await startTestServer();
    const node = await startTestServer({ sharedDatabase: keeper.db, nodeId: 'closing-node' });
    const call = await startCall(node);
    // A slow database: inserts into the timeline wait behind this lock until it is let go.
    const blocker = keeper.db.dataSource.createQueryRunner();
    try {
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE session_event IN EXCLUSIVE MODE');
      const acks = await Promise.all(
        Array.from({ length: 40 }, () => request(call.kiosk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: { codecs: [] } })),
      );
      assert.equal(acks.filter((ack) => ack.ok).length, 40);
      // One consultation's events are written one after another: all 40 wait when the node starts closing.
      const closed = node.close();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await blocker.commitTransaction();
      await closed;
      const rows: { type: string; n: number }[] = await keeper.db.dataSource.query(
        `SELECT type, count(*)::int AS n FROM session_event WHERE session_id = $1 AND type IN ('joined', 'reconnected') GROUP BY type`,
        [call.consultationId],
      );
      assert.equal(rows.reduce((sum, row) => sum + row.n, 0), 40, JSON.stringify(rows));
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      call.close();
    }
  });
});
