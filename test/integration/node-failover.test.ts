import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { twoServerProcesses } from '../fixtures/two-processes';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { redisReachable, REDIS_URL } from '../helpers/redis';
import { demoKioskCredential, queryRows } from '../helpers/server-process';
import { expectOk, nextEvent, request } from '../helpers/socket-client';

interface Row {
  node_id: string;
  ended_at: Date | null;
  end_reason: string | null;
  failovers: string;
  ended_events: string;
}

const LEASE_SECONDS = 3;
const FAILOVER_SECONDS = 6;

/**
 * Issue 13 item 2: the node holding an answered call dies (SIGKILL, two real processes, one
 * database, Redis). Its kiosk reaching the other node within the failover grace resumes the
 * same consultation there; a call nobody comes back for ends node_lost at the last beat.
 */
describe('failover of a call whose node died (two processes, SIGKILL)', async () => {
  const reachable = await redisReachable();
  const skip = reachable ? false : `no Redis at ${REDIS_URL}`;
  const cluster = twoServerProcesses({
    reachable,
    ports: { from: 3600, pairs: 100 },
    name: 'failover',
    env: { NODE_LEASE_SECONDS: String(LEASE_SECONDS), NODE_FAILOVER_SECONDS: String(FAILOVER_SECONDS) },
  });
  const { open } = cluster;
  let since = new Date();

  const row = async (consultationId: string): Promise<Row> => {
    const rows = await queryRows<Row>(
      cluster.db.url,
      `SELECT node_id, ended_at, end_reason,
              (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'node_failover') AS failovers,
              (SELECT count(*) FROM session_event e WHERE e.session_id = s.id AND e.type = 'ended') AS ended_events
         FROM consultation_session s WHERE id = $1`,
      [consultationId],
    );
    assert.ok(rows[0]);
    return rows[0];
  };
  /** The demo kiosk on A, demo-staff's console on B with its call socket on A; both joined. */
  const callOnA = async () => {
    const { db, nodeA, nodeB } = cluster;
    const kioskAuth = await kioskToken(nodeA.url, demoKioskCredential(db.dataDir));
    const kiosk = await open(nodeA.url, kioskAuth.accessToken);
    const staffAuth = await loginStaff(nodeB.url, 'demo-staff', 'madoguchi-demo');
    const desk = await open(nodeB.url, staffAuth.accessToken);
    const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
    let accepted = await request(desk, 'acceptCall', { consultationId });
    for (let i = 0; !accepted.ok && i < 40; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      accepted = await request(desk, 'acceptCall', { consultationId });
    }
    const { mediaNodeUrl } = expectOk(accepted);
    assert.equal(mediaNodeUrl, nodeA.url);
    const deskOnA = await open(nodeA.url, staffAuth.accessToken);
    const info = expectOk(await request(kiosk, 'getServerInfo', {}));
    assert.deepEqual(info.nodeUrls, [nodeA.url, nodeB.url], 'the kiosk is told the cluster\'s nodes, its own first');
    expectOk(await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    expectOk(await request(deskOnA, 'joinRoom', { consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    return { consultationId, kioskToken: kioskAuth.accessToken, desk, rtpCapabilities: info.routerRtpCapabilities };
  };

  before(async () => {
    if (!reachable) return;
    // Each node learns the other's URL from its first queue snapshot.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    since = new Date();
  });
  it('the kiosk resumes on the surviving node: same consultation, node_failover, the desk follows, one ended event at the end', { skip }, async () => {
    const { db, nodeA, nodeB } = cluster;
    const call = await callOnA();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a few lease beats
    const moved = nextEvent(call.desk, 'callMoved', 15_000);
    const killedAt = await nodeA.kill();

    // The kiosk reaches B with the token it had (the nodes share the signing secret) and asks
    // for its call; B waits for A's lease to run out, then takes the call over.
    const kioskOnB = await open(nodeB.url, call.kioskToken);
    const resumed = expectOk(await request(kioskOnB, 'resumeCall', { consultationId: call.consultationId }));
    const adoptedAfterMs = Date.now() - killedAt;
    assert.deepEqual([resumed.live?.consultationId, resumed.live?.state, resumed.live?.mediaNodeUrl], [call.consultationId, 'active', null]);
    assert.equal(resumed.live?.peerName, '窓口 花子', 'the kiosk still sees who it talks to');
    assert.equal((await moved)[0].consultationId, call.consultationId, 'the desk hears that its call moved');
    process.stdout.write(`# holder killed: node B took the call over ${(adoptedAfterMs / 1000).toFixed(1)} s later (lease ${LEASE_SECONDS} s)\n`);

    // The desk asks its own node where the call is: there, so it joins there.
    const atDesk = expectOk(await request(call.desk, 'resumeCall', { consultationId: call.consultationId }));
    assert.deepEqual([atDesk.live?.consultationId, atDesk.live?.mediaNodeUrl], [call.consultationId, null]);
    const kioskJoin = expectOk(await request(kioskOnB, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: call.rtpCapabilities }));
    const deskJoin = expectOk(await request(call.desk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: call.rtpCapabilities }));
    assert.ok(kioskJoin.sendTransport.id && deskJoin.recvTransport.id);

    // Past the lease and the failover grace nothing sweeps it: B holds it.
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + FAILOVER_SECONDS + 2) * 1000));
    assert.deepEqual(await row(call.consultationId), { node_id: nodeB.nodeId, ended_at: null, end_reason: null, failovers: '1', ended_events: '0' });
    const records = await queryRows<{ n: string }>(db.url, `SELECT count(*) AS n FROM consultation_session WHERE queued_at >= $1`, [since]);
    assert.equal(records[0]?.n, '1', 'one consultation, no second record');

    const ended = nextEvent(kioskOnB, 'callEnded');
    expectOk(await request(call.desk, 'hangUp', { consultationId: call.consultationId }));
    assert.equal((await ended)[0].reason, 'staff_ended');
    const closed = await row(call.consultationId);
    assert.deepEqual([closed.end_reason, closed.failovers, closed.ended_events], ['staff_ended', '1', '1']);
    cluster.disconnectAll();
  });

  it('nobody comes back within the grace: the desk is told at once (holderLost), then the call ends node_lost at the last beat, and a late kiosk hears so', { skip }, async () => {
    const { nodeA, nodeB } = cluster;
    await nodeA.start();
    const call = await callOnA();
    // Another member's console and an admin's on B: not in this call, so not told about it.
    const bystanders = await Promise.all([
      loginStaff(nodeB.url, 'demo-admin', 'madoguchi-demo').then((auth) => open(nodeB.url, auth.accessToken)),
    ]);
    const overheard: string[] = [];
    for (const socket of bystanders) socket.on('holderLost', ({ consultationId }) => overheard.push(consultationId));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const lost = nextEvent(call.desk, 'holderLost', 15_000);
    const told = nextEvent(call.desk, 'callEnded', (LEASE_SECONDS + FAILOVER_SECONDS + 15) * 1000);
    const killedAt = await nodeA.kill();
    const [holderLost] = await lost;
    const toldAfterMs = Date.now() - killedAt;
    process.stdout.write(`# holder killed (failover on, ${FAILOVER_SECONDS} s): the desk on the other node was told ${(toldAfterMs / 1000).toFixed(1)} s later, ${holderLost.secondsLeft} s of grace left\n`);
    assert.equal(holderLost.consultationId, call.consultationId);
    assert.ok(toldAfterMs <= 5000, `the desk is told within 5 s (${toldAfterMs} ms)`);
    assert.ok(holderLost.secondsLeft > 0 && holderLost.secondsLeft <= FAILOVER_SECONDS, `the grace left (${holderLost.secondsLeft} s)`);
    const [{ reason }] = await told;
    assert.deepEqual(overheard, [], 'nobody outside the call hears about it');
    assert.equal(reason, 'node_lost');
    const record = await row(call.consultationId);
    assert.deepEqual([record.node_id, record.end_reason, record.failovers, record.ended_events], [nodeA.nodeId, 'node_lost', '0', '1']);
    const endedAt = record.ended_at?.getTime() ?? 0;
    assert.ok(endedAt <= killedAt + 50 && killedAt - endedAt < LEASE_SECONDS * 1000, `ended at A's last beat (${killedAt - endedAt} ms before the kill)`);

    const lateKiosk = await open(nodeB.url, call.kioskToken);
    const late = expectOk(await request(lateKiosk, 'resumeCall', { consultationId: call.consultationId }));
    assert.equal(late.live, null, 'nothing to take over');
    assert.deepEqual(late.ended, { consultationId: call.consultationId, reason: 'node_lost', answered: true });
    assert.equal((await row(call.consultationId)).failovers, '0');
  });

  /** Kiosk and console both on A (the console's own node dies with the call). */
  const bothOnA = async () => {
    const { db, nodeA, nodeB } = cluster;
    const kioskAuth = await kioskToken(nodeA.url, demoKioskCredential(db.dataDir));
    const kiosk = await open(nodeA.url, kioskAuth.accessToken);
    const staffAuth = await loginStaff(nodeA.url, 'demo-staff', 'madoguchi-demo');
    const desk = await open(nodeA.url, staffAuth.accessToken);
    const accepted = nextEvent(kiosk, 'callAccepted');
    const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
    assert.equal(expectOk(await request(desk, 'acceptCall', { consultationId })).mediaNodeUrl, null);
    await accepted;
    const info = expectOk(await request(desk, 'getServerInfo', {}));
    assert.deepEqual(info.nodeUrls, [nodeA.url, nodeB.url], 'the console is told the cluster\'s nodes too');
    expectOk(await request(kiosk, 'joinRoom', { consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    expectOk(await request(desk, 'joinRoom', { consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    return { consultationId, kioskToken: kioskAuth.accessToken, staffToken: staffAuth.accessToken, rtpCapabilities: info.routerRtpCapabilities };
  };

  it('a console whose own node died asks a surviving node for its call without its id, takes it over, and the kiosk joins it there', { skip }, async () => {
    const { nodeA, nodeB } = cluster;
    await nodeA.start();
    const call = await bothOnA();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = await nodeA.kill();
    // As after a reload on B's address: the console knows nothing but its login.
    const desk = await open(nodeB.url, call.staffToken);
    let resumed = expectOk(await request(desk, 'resumeCall', {}));
    // Until A's lease has run out, B cannot tell that A is gone.
    while (!resumed.live && Date.now() - killedAt < (LEASE_SECONDS + 3) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      resumed = expectOk(await request(desk, 'resumeCall', {}));
    }
    assert.deepEqual([resumed.live?.consultationId, resumed.live?.state, resumed.live?.mediaNodeUrl, resumed.live?.peerName], [call.consultationId, 'active', null, '中央図書館 相談窓口']);
    process.stdout.write(`# console's own node killed: B gave the console its call ${((Date.now() - killedAt) / 1000).toFixed(1)} s later\n`);
    expectOk(await request(desk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: call.rtpCapabilities }));

    // The kiosk comes through B with the id it knew and finds the call there.
    const kiosk = await open(nodeB.url, call.kioskToken);
    const atKiosk = expectOk(await request(kiosk, 'resumeCall', { consultationId: call.consultationId }));
    assert.deepEqual([atKiosk.live?.consultationId, atKiosk.live?.mediaNodeUrl], [call.consultationId, null]);
    expectOk(await request(kiosk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: call.rtpCapabilities }));
    // Past the failover grace both are in it: nothing ends it.
    await new Promise((resolve) => setTimeout(resolve, (FAILOVER_SECONDS + 1) * 1000));
    assert.deepEqual(await row(call.consultationId), { node_id: nodeB.nodeId, ended_at: null, end_reason: null, failovers: '1', ended_events: '0' });
    const ended = nextEvent(kiosk, 'callEnded');
    expectOk(await request(desk, 'hangUp', { consultationId: call.consultationId }));
    assert.equal((await ended)[0].reason, 'staff_ended');
    const closed = await row(call.consultationId);
    assert.deepEqual([closed.end_reason, closed.failovers, closed.ended_events], ['staff_ended', '1', '1']);
    cluster.disconnectAll();
  });

  it('a console whose own node died, with the kiosk gone too: node_lost at the last beat once the grace is over, and the outcome through the surviving node', { skip }, async () => {
    const { db, nodeA, nodeB } = cluster;
    await nodeA.start();
    const call = await bothOnA();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = await nodeA.kill();
    const desk = await open(nodeB.url, call.staffToken);
    // The console still knows the call's id (no reload): B waits for A's lease, then takes it.
    const resumed = expectOk(await request(desk, 'resumeCall', { consultationId: call.consultationId }));
    assert.equal(resumed.live?.consultationId, call.consultationId);
    const told = nextEvent(desk, 'callEnded', (LEASE_SECONDS + FAILOVER_SECONDS + 15) * 1000);
    expectOk(await request(desk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: call.rtpCapabilities }));
    assert.equal((await told)[0].reason, 'node_lost');
    const toldAfterS = (Date.now() - killedAt) / 1000;
    assert.ok(toldAfterS >= LEASE_SECONDS + FAILOVER_SECONDS - 1.5, `not before the grace was over (${toldAfterS} s)`);
    const record = await row(call.consultationId);
    assert.deepEqual([record.end_reason, record.failovers, record.ended_events], ['node_lost', '1', '1']);
    const endedAt = record.ended_at?.getTime() ?? 0;
    assert.ok(endedAt <= killedAt + 50 && killedAt - endedAt < LEASE_SECONDS * 1000, `ended at A's last beat (${killedAt - endedAt} ms before the kill)`);
    const after = expectOk(await request(desk, 'resumeCall', {}));
    assert.equal(after.live, null);
    assert.equal(after.unrecorded?.consultationId, call.consultationId, 'the outcome form is offered');
    expectOk(await request(desk, 'saveOutcome', { consultationId: call.consultationId, outcomeCode: 'follow_up' }));
    const outcome = await queryRows<{ outcome_code: string }>(db.url, 'SELECT outcome_code FROM consultation_session WHERE id = $1', [call.consultationId]);
    assert.equal(outcome[0]?.outcome_code, 'follow_up');
    cluster.disconnectAll();
  });
});
