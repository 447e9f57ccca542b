import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import QRCode from 'qrcode';
import { TRANSFERRED_TO_KEY } from '@madoguchi/contract/consultation';
import type { Department } from '@madoguchi/contract/departments';
import type { SnapshotInfo } from '@madoguchi/contract/signalling-events';
import { callInProgress } from '../fixtures/call-scenario';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request } from '../helpers/socket-client';
import type { TestServer } from '../helpers/start-server';

async function upload(server: TestServer, consultationId: string, requestId: string, body: Buffer, sha256 = createHash('sha256').update(body).digest('hex')) {
  const token = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
  const response = await fetch(`${server.url}/api/consultations/${consultationId}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-snapshot-request': requestId, 'x-content-sha256': sha256 },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('in the call: messages, snapshots with consent, pointing, quality, transfer', () => {
  const suite = callInProgress();

  it('carries messages both ways and records only that they were sent', async () => {
    const { server, call } = suite;
    const atKiosk = nextEvent(call.kiosk, 'messageReceived');
    const sent = expectOk(await request(call.staff, 'sendMessage', { consultationId: call.consultationId, text: '書類をカメラの下に置いてください' }));
    const [received] = await atKiosk;
    assert.equal(received.text, '書類をカメラの下に置いてください');
    assert.equal(received.from, 'staff');
    assert.equal(received.messageId, sent.messageId);
    const atStaff = nextEvent(call.staff, 'messageReceived');
    expectOk(await request(call.kiosk, 'sendMessage', { consultationId: call.consultationId, text: 'はい' }));
    assert.equal((await atStaff)[0].from, 'kiosk');
    // The timeline is written after the message is delivered.
    let events = await server.app.repositories.consultationEvents.listFor(call.consultationId);
    for (let i = 0; i < 50 && events.filter((e) => e.type === 'message_sent').length < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      events = await server.app.repositories.consultationEvents.listFor(call.consultationId);
    }
    assert.equal(events.filter((e) => e.type === 'message_sent').length, 2);
    assert.ok(!JSON.stringify(events).includes('カメラ'), 'the text is not kept in the timeline');
  });

  it('refuses in-call actions from someone outside the call', async () => {
    const { server, call } = suite;
    const outsiderLogin = await loginStaff(server.url, 'demo-admin', 'test-password');
    const outsider = await connectSocket(server.url, outsiderLogin.accessToken);
    try {
      const attempt = await request(outsider, 'sendMessage', { consultationId: call.consultationId, text: 'hello' });
      assert.equal(!attempt.ok && attempt.error.code, 'FORBIDDEN');
      const snap = await request(outsider, 'requestSnapshot', { consultationId: call.consultationId });
      assert.equal(!snap.ok && snap.error.code, 'FORBIDDEN');
      const kioskPoints = await request(call.kiosk, 'pointer', { consultationId: call.consultationId, marks: [] });
      assert.equal(!kioskPoints.ok && kioskPoints.error.code, 'FORBIDDEN');
    } finally {
      outsider.disconnect();
    }
  });

  it('takes a snapshot only with consent, stores it with its checksum, and audits views', async () => {
    const { server, call, staffToken } = suite;
    // Refused.
    const asked = nextEvent(call.kiosk, 'snapshotRequested');
    const first = expectOk(await request(call.staff, 'requestSnapshot', { consultationId: call.consultationId }));
    assert.equal((await asked)[0].requestId, first.requestId);
    const refused = nextEvent(call.staff, 'snapshotAnswered');
    expectOk(await request(call.kiosk, 'answerSnapshot', { consultationId: call.consultationId, requestId: first.requestId, consent: false }));
    assert.equal((await refused)[0].consent, false);
    const image = await QRCode.toBuffer('123456', { type: 'png', width: 640 });
    assert.equal((await upload(server, call.consultationId, first.requestId, image)).status, 403, 'no upload without consent');

    // Consented.
    const second = expectOk(await request(call.staff, 'requestSnapshot', { consultationId: call.consultationId }));
    expectOk(await request(call.kiosk, 'answerSnapshot', { consultationId: call.consultationId, requestId: second.requestId, consent: true }));
    assert.equal((await upload(server, call.consultationId, second.requestId, image, '0'.repeat(64))).status, 400, 'a checksum mismatch is refused');
    const stored = nextEvent(call.staff, 'snapshotStored');
    const uploaded = await upload(server, call.consultationId, second.requestId, image);
    assert.equal(uploaded.status, 201);
    const info = uploaded.body as SnapshotInfo;
    assert.equal(info.sha256, createHash('sha256').update(image).digest('hex'));
    assert.equal(info.width, 640);
    assert.equal((await stored)[0].snapshotId, info.snapshotId);
    assert.equal((await upload(server, call.consultationId, second.requestId, image)).status, 403, 'one upload per consent');

    const staff = restClient(server.url, staffToken);
    const list = expectStatus(await staff.call<SnapshotInfo[]>('listSnapshots', { params: { id: call.consultationId } }), 200);
    assert.deepEqual(list.map((s) => s.snapshotId), [info.snapshotId]);
    const picture = await staff.call('getSnapshot', { params: { id: info.snapshotId } });
    assert.equal(picture.status, 200);
    assert.equal(picture.headers.get('content-type'), 'image/png');
    const audit = await server.db.dataSource.query(`SELECT target_id FROM audit_log WHERE action = 'snapshot_viewed'`);
    assert.deepEqual(audit.map((a: { target_id: string }) => a.target_id), [info.snapshotId]);
    const types = (await server.app.repositories.consultationEvents.listFor(call.consultationId)).map((e) => e.type);
    assert.ok(types.includes('snapshot_refused') && types.includes('snapshot_taken'));
  });

  it('relays pointing marks to the kiosk and saves the quality summary', async () => {
    const { server, call } = suite;
    const marks = [{ kind: 'pen' as const, color: 'red' as const, points: [[0.1, 0.2], [0.3, 0.4]] as [number, number][] }];
    const atKiosk = nextEvent(call.kiosk, 'pointerMarks');
    expectOk(await request(call.staff, 'pointer', { consultationId: call.consultationId, marks }));
    assert.deepEqual((await atKiosk)[0].marks, marks);
    const bad = await request(call.staff, 'pointer', { consultationId: call.consultationId, marks: [{ kind: 'pen', color: 'red', points: [[2, 2]] }] } as never);
    assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST');
    const quality = {
      kioskToStaff: { meanRttMs: 12, lossPercent: 0.1, meanBitrateKbps: 1500 },
      staffToKiosk: { meanRttMs: 14, lossPercent: 0, meanBitrateKbps: 900 },
    };
    expectOk(await request(call.staff, 'reportQuality', { consultationId: call.consultationId, quality }));
    assert.deepEqual((await server.app.repositories.consultations.findById(call.consultationId))?.quality, quality);
  });

  it("tells the kiosk whether the specialist's console shows the document; only staff in the call may say it", async () => {
    const { server, call } = suite;
    const atKiosk = nextEvent(call.kiosk, 'documentView');
    expectOk(await request(call.staff, 'documentView', { consultationId: call.consultationId, shown: false }));
    assert.deepEqual((await atKiosk)[0], { consultationId: call.consultationId, shown: false });
    const fromKiosk = await request(call.kiosk, 'documentView', { consultationId: call.consultationId, shown: true });
    assert.equal(!fromKiosk.ok && fromKiosk.error.code, 'FORBIDDEN');
    const outsider = await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    try {
      const attempt = await request(outsider, 'documentView', { consultationId: call.consultationId, shown: true });
      assert.equal(!attempt.ok && attempt.error.code, 'FORBIDDEN');
    } finally {
      outsider.disconnect();
    }
    const bad = await request(call.staff, 'documentView', { consultationId: call.consultationId, shown: 'yes' } as never);
    assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST');
  });

  it('transfers the resident to another department without dropping the kiosk', async () => {
    const { server, call } = suite;
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const department = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'zeimu', name: '税務課', icon: 'tax' } }), 201);
    const kioskTransferred = nextEvent(call.kiosk, 'transferred');
    const staffEnded = nextEvent(call.staff, 'callEnded');
    const kioskEnded = nextEvent(call.kiosk, 'callEnded', 1500).then(() => true, () => false);
    const result = expectOk(await request(call.staff, 'transferCall', { consultationId: call.consultationId, departmentId: department.id }));
    assert.equal((await kioskTransferred)[0].newConsultationId, result.newConsultationId);
    assert.equal((await staffEnded)[0].reason, 'transferred');
    assert.equal(await kioskEnded, false, 'the kiosk is not told the call ended: it waits for the next department');
    assert.ok(call.kiosk.connected);
    const old = await server.app.repositories.consultations.findById(call.consultationId);
    assert.equal(old?.endReason, 'transferred');
    // The first specialist works for no department: the 税務課 resident is not in their queue.
    assert.deepEqual(expectOk(await request(call.staff, 'getQueue', {})), []);
    const next = await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    try {
      const queue = expectOk(await request(next, 'getQueue', {}));
      assert.deepEqual(queue.map((e) => [e.consultationId, e.departmentName]), [[result.newConsultationId, '税務課']]);
      const events = await server.app.repositories.consultationEvents.listFor(call.consultationId);
      assert.equal(events.find((e) => e.type === 'transferred')?.details[TRANSFERRED_TO_KEY], result.newConsultationId);
      // The next specialist answers the same kiosk.
      expectOk(await request(next, 'acceptCall', { consultationId: result.newConsultationId }));
      expectOk(await request(next, 'hangUp', { consultationId: result.newConsultationId }));
    } finally {
      next.close();
    }
  });
});
