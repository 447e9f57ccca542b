import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import { startCall } from '../fixtures/call-scenario';
import { CONSENT_TITLE, consentValues, demoTemplates, SIGNATURE } from '../fixtures/forms';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { until } from '../helpers/poll';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

/**
 * A reloaded kiosk or console opens a new socket and knows nothing: resumeCall tells it which
 * consultation the server still holds for it, or how the one it knew of ended. Every step
 * waits for the state it needs (the server has seen the old socket go, the events are
 * written), never for a fixed time, so a loaded machine only makes it slower.
 */
/**
 * Long enough for a reloaded app to reconnect and join on a machine running other suites (a
 * login alone, with its password hash, took over 1.5 s at load average 60), short enough to wait out.
 */
const GRACE_MS = 4_000;

for (const kind of databaseKinds()) {
  describe(`resuming a call after a reload (${kind} PostgreSQL)`, () => {
    let server: TestServer;
    const sockets: TestSocket[] = [];
    // The reloaded page's token is fetched before the old socket goes: only the reconnect
    // itself then runs inside the grace period.
    const kioskSocket = async (token?: string) => {
      const socket = await connectSocket(server.url, token ?? (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      sockets.push(socket);
      return socket;
    };
    const staffSocket = async (token?: string) => {
      const socket = await connectSocket(server.url, token ?? (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
      sockets.push(socket);
      return socket;
    };
    /** The old page's socket goes (F5), and the server has handled it: its grace period runs. */
    const reload = async (socket: TestSocket) => {
      const id = socket.id;
      socket.disconnect();
      await until(async () => (id ? server.app.io.of('/').sockets.has(id) : false), (open) => !open, { timeoutMs: 15_000, what: 'the server saw the old socket go' });
    };
    const eventsOf = (consultationId: string, actor: string) =>
      server.app.repositories.consultationEvents.listFor(consultationId).then((events) => events.filter((e) => e.actor === actor).map((e) => e.type));
    const joinWith = async (socket: TestSocket, consultationId: string) => {
      const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
      return expectOk(await request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
    };

    before(async () => {
      server = await startTestServer({ database: kind, reconnectGraceMs: GRACE_MS });
    });
    after(async () => {
      for (const socket of sockets) socket.disconnect();
      await server.close();
    });

    it('a reloaded kiosk is told its call is live and joins the same consultation again', async () => {
      const call = await startCall(server);
      await joinWith(call.kiosk, call.consultationId);
      const token = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(call.kiosk);
      const kiosk = await kioskSocket(token);
      const { live, ended } = expectOk(await request(kiosk, 'resumeCall', {}));
      assert.equal(live?.consultationId, call.consultationId);
      assert.equal(live?.state, 'active');
      assert.equal(live?.peerName, '窓口 花子', 'the specialist\'s name for the kiosk screen');
      assert.equal(ended, null);
      const joined = await joinWith(kiosk, call.consultationId);
      assert.ok(joined.sendTransport.id, 'the kiosk is back in the same consultation');
      // The events are written through the retry queue: wait until they are there.
      const kioskEvents = await until(() => eventsOf(call.consultationId, 'kiosk'), (types) => types.includes('reconnected'), { timeoutMs: 15_000, what: 'the kiosk\'s reconnected event' });
      assert.deepEqual(kioskEvents.slice(-3), ['joined', 'left', 'reconnected']);
      // Past the grace period the call is still on: the rejoin stopped its timer.
      await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 500));
      assert.equal(server.app.consultations.has(call.consultationId), true);
      expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
      call.close();
    });

    it('a kiosk reloaded while the resident reads a form to sign is shown that form again, and the resident signs it', async () => {
      const consent = (await demoTemplates(server)).get(CONSENT_TITLE);
      const call = await startCall(server);
      await joinWith(call.kiosk, call.consultationId);
      const shown = nextEvent(call.kiosk, 'formShown');
      const pushed = expectOk(await request(call.staff, 'pushForm', { consultationId: call.consultationId, templateId: consent?.templateId ?? '', values: consentValues('山田 太郎') }));
      await shown;
      const token = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(call.kiosk);
      const kiosk = await kioskSocket(token);
      const again = nextEvent(kiosk, 'formShown', 15_000);
      expectOk(await request(kiosk, 'resumeCall', {}));
      await joinWith(kiosk, call.consultationId);
      const [form] = await again;
      assert.deepEqual([form.documentId, form.revision, form.values['applicantName']], [pushed.documentId, 1, '山田 太郎'], 'the form the staff member is waiting on is back on the screen');
      expectOk(await request(kiosk, 'signForm', { consultationId: call.consultationId, documentId: pushed.documentId, revision: 1, strokes: SIGNATURE }));
      // Signed, it is never shown again: a second reload brings back the call only.
      const token2 = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(kiosk);
      const kiosk2 = await kioskSocket(token2);
      const seen: string[] = [];
      kiosk2.on('formShown', (f: { documentId: string }) => seen.push(f.documentId));
      expectOk(await request(kiosk2, 'resumeCall', {}));
      await joinWith(kiosk2, call.consultationId);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(seen, [], 'a signed form does not come back');
      expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
      call.close();
    });

    it('a kiosk reloaded while waiting keeps its place in the queue', async () => {
      const first = await kioskSocket();
      const { consultationId } = expectOk(await request(first, 'callStaff', {}));
      // Had the server seen the old socket go after the new one asked, the waiting resident's
      // grace timer would start after resumeCall stopped it: the flake this waits out.
      const token = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(first);
      const kiosk = await kioskSocket(token);
      // Its place and outlook come again at once (nobody of this desk is online: 「nobody」), not at the queue's next change.
      const forecast = nextEvent(kiosk, 'queuePosition', 10_000);
      const { live } = expectOk(await request(kiosk, 'resumeCall', {}));
      assert.deepEqual([live?.consultationId, live?.state, live?.queuePosition], [consultationId, 'queued', 1]);
      const [told] = await forecast;
      assert.deepEqual([told.consultationId, told.position, told.outlook], [consultationId, 1, 'nobody']);
      await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 500));
      assert.equal(server.app.consultations.has(consultationId), true, 'the waiting resident was not dropped after the grace period');
      expectOk(await request(kiosk, 'cancelCall', { consultationId }));
    });

    it('a kiosk reloaded while waiting after a handover is told the department it now waits for; a walk-in, the one they chose', async () => {
      const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
      const zeimu = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'zeimu-resume', name: '税務課', icon: 'tax' } }), 201);
      const call = await startCall(server);
      const transfer = expectOk(await request(call.staff, 'transferCall', { consultationId: call.consultationId, departmentId: zeimu.id }));
      assert.equal(transfer.departmentId, zeimu.id, 'the live handover names the department by id too');
      const token = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(call.kiosk);
      const kiosk = await kioskSocket(token);
      const { live } = expectOk(await request(kiosk, 'resumeCall', {}));
      assert.deepEqual([live?.consultationId, live?.state], [transfer.newConsultationId, 'queued']);
      assert.deepEqual(live?.department, { id: zeimu.id, name: '税務課', transferred: true });
      expectOk(await request(kiosk, 'cancelCall', { consultationId: transfer.newConsultationId }));
      call.close();

      // A walk-in who chose 税務課 themselves: the same department, not a handover.
      const first = await kioskSocket();
      const { consultationId } = expectOk(await request(first, 'callStaff', { departmentId: zeimu.id }));
      const token2 = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
      await reload(first);
      const again = await kioskSocket(token2);
      const resumed = expectOk(await request(again, 'resumeCall', {}));
      assert.deepEqual([resumed.live?.consultationId, resumed.live?.department], [consultationId, { id: zeimu.id, name: '税務課', transferred: false }]);
      expectOk(await request(again, 'cancelCall', { consultationId }));
    });

    it('a reloaded console is offered its live call, joins it again, and hangs up as staff_ended', async () => {
      const call = await startCall(server);
      await joinWith(call.staff, call.consultationId);
      const token = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
      await reload(call.staff);
      const staff = await staffSocket(token);
      const { live, unrecorded } = expectOk(await request(staff, 'resumeCall', {}));
      assert.deepEqual(
        [live?.consultationId, live?.state, live?.peerName, live?.mediaNodeUrl],
        [call.consultationId, 'active', '中央図書館 相談窓口', null],
      );
      assert.equal(unrecorded, null, 'no outcome form while the call goes on');
      await joinWith(staff, call.consultationId);
      const ended = nextEvent(call.kiosk, 'callEnded');
      expectOk(await request(staff, 'hangUp', { consultationId: call.consultationId }));
      assert.equal((await ended)[0].reason, 'staff_ended');
      const record = await until(() => server.app.repositories.consultations.findById(call.consultationId), (r) => r?.endReason != null, { timeoutMs: 15_000, what: 'the end written' });
      assert.equal(record?.endReason, 'staff_ended');
      call.close();
    });

    it('a console that stayed away past the grace period gets the outcome form; the kiosk learns the call dropped', async () => {
      const call = await startCall(server);
      await joinWith(call.staff, call.consultationId);
      // The grace period plus the end; a loaded machine may take much longer.
      const endedAtKiosk = nextEvent(call.kiosk, 'callEnded', 20_000);
      call.staff.disconnect();
      assert.equal((await endedAtKiosk)[0].reason, 'network_lost', 'the kiosk is told the desk dropped (no survey for that)');
      const staff = await staffSocket();
      const { live, unrecorded, ended } = expectOk(await request(staff, 'resumeCall', { consultationId: call.consultationId }));
      assert.equal(live, null);
      assert.deepEqual(ended, { consultationId: call.consultationId, reason: 'network_lost', answered: true });
      assert.equal(unrecorded?.consultationId, call.consultationId, 'the console offers the outcome form for it');
      assert.equal(unrecorded?.kioskName, '中央図書館 相談窓口');
      call.close();
    });

    it('the recorded end is told only to the kiosk or staff member who took part', async () => {
      const call = await startCall(server);
      expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
      const admin = await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
      sockets.push(admin);
      const { ended } = expectOk(await request(admin, 'resumeCall', { consultationId: call.consultationId }));
      assert.equal(ended, null, 'an admin who was not in the call learns nothing about it here');
      const { ended: own } = expectOk(await request(call.kiosk, 'resumeCall', { consultationId: call.consultationId }));
      assert.equal(own?.reason, 'staff_ended');
      call.close();
    });
  });
}
