import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { expectOk, nextEvent, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('PostgreSQL restarts during a call', () => {
  let server: TestServer;
  let call: CallParties;

  before(async () => {
    server = await startTestServer({ database: 'embedded' });
    call = await startCall(server);
  });
  after(async () => {
    call?.close();
    await server.close();
  });

  it('the call goes on, and the writes made meanwhile land once the database is back', async () => {
    const restart = server.db.restartEngine;
    assert.ok(restart, 'the embedded engine can be restarted');
    const outage = restart.call(server.db, 3000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    // While the database is down: the call's signalling still works...
    const atKiosk = nextEvent(call.kiosk, 'messageReceived');
    expectOk(await request(call.staff, 'sendMessage', { sessionId: call.sessionId, text: 'まだつながっています' }));
    assert.equal((await atKiosk)[0].text, 'まだつながっています');
    // ...and hanging up ends the call for both at once, whatever the database says.
    const ended = nextEvent(call.kiosk, 'callEnded');
    expectOk(await request(call.staff, 'hangUp', { sessionId: call.sessionId }));
    assert.equal((await ended)[0].reason, 'staff_ended');
    assert.ok(server.app.consultations.writes.size > 0, 'the writes are waiting for the database');
    await outage;
    assert.equal(await server.app.consultations.writes.flush(20_000), 0, 'every queued write landed');
    const record = await server.app.repositories.sessions.findById(call.sessionId);
    assert.equal(record?.endReason, 'staff_ended');
    assert.ok(record?.endedAt);
    const types = (await server.app.repositories.events.listFor(call.sessionId)).map((e) => e.type);
    assert.ok(types.includes('message_sent'), `events: ${types.join(', ')}`);
    assert.equal(types.at(-1), 'ended');
  });
});
