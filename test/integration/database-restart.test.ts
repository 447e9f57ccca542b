import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callInProgress } from '../fixtures/call-scenario';
import { expectOk, nextEvent, request } from '../helpers/socket-client';

describe('PostgreSQL restarts during a call', () => {
  const suite = callInProgress({ database: 'embedded' });

  it('the call goes on, and the writes made meanwhile land once the database is back', async () => {
    const { server, call } = suite;
    const restart = server.db.restartEngine;
    assert.ok(restart, 'the embedded engine can be restarted');
    const outage = restart.call(server.db, 3000);
    await new Promise((resolve) => setTimeout(resolve, 800));
    // While the database is down: the call's signalling still works...
    const atKiosk = nextEvent(call.kiosk, 'messageReceived');
    expectOk(await request(call.staff, 'sendMessage', { consultationId: call.consultationId, text: 'まだつながっています' }));
    assert.equal((await atKiosk)[0].text, 'まだつながっています');
    // ...and hanging up ends the call for both at once, whatever the database says.
    const ended = nextEvent(call.kiosk, 'callEnded');
    expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
    assert.equal((await ended)[0].reason, 'staff_ended');
    assert.ok(server.app.consultations.writes.size > 0, 'the writes are waiting for the database');
    await outage;
    assert.equal(await server.app.consultations.writes.flush(20_000), 0, 'every queued write landed');
    const record = await server.app.repositories.consultations.findById(call.consultationId);
    assert.equal(record?.endReason, 'staff_ended');
    assert.ok(record?.endedAt);
    const types = (await server.app.repositories.consultationEvents.listFor(call.consultationId)).map((e) => e.type);
    assert.ok(types.includes('message_sent'), `events: ${types.join(', ')}`);
    assert.equal(types.at(-1), 'ended');
  });
});

describe('PostgreSQL is away for 20 s while a call is hung up and its outcome and survey are given', () => {
  const suite = callInProgress({ database: 'embedded' });

  it('every write lands once, in order, with its original time, even after the console is closed', async () => {
    const { server, call } = suite;
    const restart = server.db.restartEngine;
    assert.ok(restart, 'the embedded engine can be restarted');
    const outageStarted = Date.now();
    const outage = restart.call(server.db, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const messageAt = Date.now();
    expectOk(await request(call.staff, 'sendMessage', { consultationId: call.consultationId, text: '資料をお持ちください' }));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const hungUpAt = Date.now();
    const ended = nextEvent(call.kiosk, 'callEnded');
    expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
    assert.equal((await ended)[0].reason, 'staff_ended', 'the call ends for both at once');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const savedAt = Date.now();
    const saved = expectOk(await request(call.staff, 'saveOutcome', { consultationId: call.consultationId, outcomeCode: 'follow_up', notes: '再来庁' }));
    assert.equal(saved.queued, true, 'the console is told the outcome waits for the database');
    expectOk(await request(call.kiosk, 'submitSurvey', { consultationId: call.consultationId, rating: 4 }));
    // The specialist closes the console while the writes still wait: they are on the server, not in the page.
    call.staff.disconnect();
    assert.ok(server.app.consultations.writes.size >= 4, `writes waiting: ${server.app.consultations.writes.size}`);

    await outage;
    const downSeconds = (Date.now() - outageStarted) / 1000;
    assert.equal(await server.app.consultations.writes.flush(30_000), 0, 'every queued write landed');
    const landedSeconds = (Date.now() - outageStarted) / 1000;
    process.stdout.write(`# database away ${downSeconds.toFixed(1)} s; all queued writes landed ${(landedSeconds - downSeconds).toFixed(1)} s after it was back\n`);

    const rows: { ended_at: Date; end_reason: string; outcome_code: string; notes: string; outcome_at: Date; satisfaction: number }[] =
      await server.db.dataSource.query(`SELECT ended_at, end_reason, outcome_code, notes, outcome_at, satisfaction FROM consultation_session WHERE id = $1`, [call.consultationId]);
    const row = rows[0];
    assert.ok(row);
    assert.equal(row.end_reason, 'staff_ended');
    assert.ok(Math.abs(row.ended_at.getTime() - hungUpAt) < 1000, `ended at the hang-up (${row.ended_at.getTime() - hungUpAt} ms off), not when the database came back`);
    assert.deepEqual([row.outcome_code, row.notes, row.satisfaction], ['follow_up', '再来庁', 4]);
    assert.ok(Math.abs(row.outcome_at.getTime() - savedAt) < 1000, `outcome at the time it was given (${row.outcome_at.getTime() - savedAt} ms off)`);

    const events = await server.app.repositories.consultationEvents.listFor(call.consultationId);
    const after = events.filter((e) => new Date(e.at).getTime() >= outageStarted);
    assert.deepEqual(after.map((e) => e.type), ['message_sent', 'ended'], 'in the order they happened, each once');
    assert.ok(Math.abs(new Date(after[0]?.at ?? 0).getTime() - messageAt) < 1000, 'the message keeps its time');
    const audits: { at: Date }[] = await server.db.dataSource.query(
      `SELECT at FROM audit_log WHERE action = 'session_outcome_recorded' AND target_id = $1`,
      [call.consultationId],
    );
    assert.equal(audits.length, 1, 'one audit entry for the outcome');
    assert.ok(Math.abs((audits[0]?.at.getTime() ?? 0) - savedAt) < 1000);
  });
});
