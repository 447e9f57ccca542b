import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startCall } from '../fixtures/call-scenario';
import { serverForSuite } from '../fixtures/suite-server';
import { request } from '../helpers/socket-client';

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
