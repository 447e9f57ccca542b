import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { Page } from '@madoguchi/contract/pagination';
import type { StaffMember } from '@madoguchi/contract/staff';
import { SOCKET_REQUESTS, type SocketRequest } from '@madoguchi/contract/socket-requests';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { CONSENT_TITLE, SIGNATURE, consentValues, demoTemplates } from '../fixtures/forms';
import { guestTokenOf } from '../fixtures/guest-link';
import { createMember, pairKiosk } from '../fixtures/members';
import { serverForSuite } from '../fixtures/suite-server';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, requestRaw, type TestSocket } from '../helpers/socket-client';
import type { TestServer } from '../helpers/start-server';

/** What an outsider aims at: call A's consultation and the things inside it. */
interface Target {
  consultationId: string;
  documentId: string;
  snapshotRequestId: string;
  captionLineId: string;
}

/** Reaching across calls on purpose: an admin records any consultation's outcome (the records page does the same over REST). */
const MAY_REACH_ACROSS = new Set(['saveOutcome from admin in no call']);

const QUALITY = { meanRttMs: 20, lossPercent: 0, meanBitrateKbps: 900 };
const ANY_ID = '6f1c2b1e-1111-4111-8111-111111111111';

/**
 * Every socket request, with a payload that passes its schema and aims at call A. Requests that
 * name no consultation are `null`: they act on the sender's own things (its queue, its connection
 * check, its own call) and the role table test covers them. Written as a Record over every
 * request, so a new request without a line here does not compile: its scope gets walked too.
 */
const AIMED_AT: Record<SocketRequest, ((t: Target) => unknown) | null> = {
  getServerInfo: null,
  renewAuth: null,
  callStaff: null,
  checkIn: null,
  heartbeat: null,
  getQueue: null,
  setAvailability: null,
  startMediaCheck: null,
  connectMediaCheck: null,
  produceMediaCheck: null,
  resumeMediaCheck: null,
  endMediaCheck: null,
  // resumeCall answers about the sender's own call; aimed at A it must not describe A (checked below).
  resumeCall: null,
  submitSurvey: (t) => ({ consultationId: t.consultationId, rating: 1 }),
  cancelCall: (t) => ({ consultationId: t.consultationId }),
  answerSnapshot: (t) => ({ consultationId: t.consultationId, requestId: t.snapshotRequestId, consent: true }),
  reportDeviceProblem: (t) => ({ consultationId: t.consultationId, device: 'documentCamera', requestId: t.snapshotRequestId }),
  acceptCall: (t) => ({ consultationId: t.consultationId }),
  standBy: (t) => ({ consultationId: t.consultationId, rtpCapabilities: {} }),
  requestSnapshot: (t) => ({ consultationId: t.consultationId }),
  pointer: (t) => ({ consultationId: t.consultationId, marks: [{ kind: 'pen', color: 'red', points: [[0.1, 0.1]] }] }),
  documentView: (t) => ({ consultationId: t.consultationId, shown: false }),
  transferCall: (t) => ({ consultationId: t.consultationId, departmentId: ANY_ID }),
  reportQuality: (t) => ({ consultationId: t.consultationId, quality: { kioskToStaff: QUALITY, staffToKiosk: QUALITY } }),
  saveOutcome: (t) => ({ consultationId: t.consultationId, outcomeCode: 'resolved', notes: '部外者' }),
  joinRoom: (t) => ({ consultationId: t.consultationId, rtpCapabilities: {} }),
  connectTransport: (t) => ({ consultationId: t.consultationId, transportId: ANY_ID, dtlsParameters: {} }),
  produce: (t) => ({ consultationId: t.consultationId, transportId: ANY_ID, kind: 'audio', source: 'microphone', rtpParameters: {} }),
  closeProducer: (t) => ({ consultationId: t.consultationId, producerId: ANY_ID }),
  restartIce: (t) => ({ consultationId: t.consultationId, transportId: ANY_ID }),
  hangUp: (t) => ({ consultationId: t.consultationId }),
  sendMessage: (t) => ({ consultationId: t.consultationId, text: '部外者からの伝言' }),
  reportMediaFailure: (t) => ({ consultationId: t.consultationId }),
  pushForm: (t) => ({ consultationId: t.consultationId, templateId: ANY_ID, values: {}, documentId: t.documentId }),
  withdrawForm: (t) => ({ consultationId: t.consultationId, documentId: t.documentId }),
  askFormCorrection: (t) => ({ consultationId: t.consultationId, documentId: t.documentId, revision: 1, fieldKey: 'applicantName' }),
  signForm: (t) => ({ consultationId: t.consultationId, documentId: t.documentId, revision: 1, strokes: SIGNATURE }),
  refuseForm: (t) => ({ consultationId: t.consultationId, documentId: t.documentId, revision: 1 }),
  captionInput: (t) => ({ consultationId: t.consultationId, lineId: randomUUID(), text: '部外者の字幕', final: true }),
  correctCaption: (t) => ({ consultationId: t.consultationId, lineId: t.captionLineId, text: '部外者の訂正' }),
  captionConsent: (t) => ({ consultationId: t.consultationId, consent: true }),
  getCaptions: (t) => ({ consultationId: t.consultationId }),
};

async function inviteGuest(server: TestServer, token: string, consultationId: string, kind?: 'captioner'): Promise<TestSocket> {
  const link = expectStatus(
    await restClient(server.url, token).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: kind ? { kind } : {} }),
    201,
  );
  return connectSocket(server.url, guestTokenOf(link));
}

/** Every event a socket receives, as text, from the moment this is called. */
function record(socket: TestSocket): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event} ${JSON.stringify(args)}`));
  return seen;
}

describe('socket scope: a party of one call, aiming any request at another call, is refused and changes nothing', () => {
  const server = serverForSuite();
  let admin: RestClient;
  let callA: CallParties;
  let target: Target;
  let interpreterA: TestSocket;
  const outsiders = new Map<string, TestSocket>();
  /** The REST bearers of call B's desk, call B's kiosk and the admin. */
  const outsiderTokens = new Map<string, string>();

  before(async () => {
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const staffAToken = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
    // Call A: the demo kiosk and demo-staff, with an interpreter, a captioner, a form on screen and a snapshot asked.
    callA = await startCall(server);
    const consultationId = callA.consultationId;
    interpreterA = await inviteGuest(server, staffAToken, consultationId);
    const captionerA = await inviteGuest(server, staffAToken, consultationId, 'captioner');
    const consent = (await demoTemplates(server)).get(CONSENT_TITLE);
    if (!consent) throw new Error('no consent template');
    const shown = nextEvent(callA.kiosk, 'formShown');
    const document = expectOk(await request(callA.staff, 'pushForm', { consultationId, templateId: consent.templateId, values: consentValues('窓口 花子') }));
    await shown;
    const snapshot = expectOk(await request(callA.staff, 'requestSnapshot', { consultationId }));
    const captionLineId = randomUUID();
    const line = nextEvent(callA.staff, 'captionLine');
    expectOk(await request(captionerA, 'captionInput', { consultationId, lineId: captionLineId, text: '本日のご案内です', final: true }));
    await line;
    target = { consultationId, documentId: document.documentId, snapshotRequestId: snapshot.requestId, captionLineId };

    // Call B next door: another kiosk, a colleague of the same departments as demo-staff, their own guests.
    const members = expectStatus(await admin.call<Page<StaffMember>>('listStaff', { query: { pageSize: 200 } }), 200);
    const departmentIds = members.items.find((m) => m.loginId === 'demo-staff')?.departmentIds ?? [];
    const colleague = await createMember(server.url, admin, { loginId: 'tonari', departmentIds });
    const kioskBToken = (await pairKiosk(server.url, admin, '隣の支所')).token;
    const kioskB = await connectSocket(server.url, kioskBToken);
    outsiderTokens.set('kiosk of call B', kioskBToken);
    outsiderTokens.set('staff of call B (same departments)', colleague.token);
    outsiderTokens.set('admin in no call', (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const staffB = await connectSocket(server.url, colleague.token);
    const accepted = nextEvent(kioskB, 'callAccepted');
    const { consultationId: callB } = expectOk(await request(kioskB, 'callStaff', {}));
    expectOk(await request(staffB, 'acceptCall', { consultationId: callB }));
    await accepted;
    outsiders.set('kiosk of call B', kioskB);
    outsiders.set('staff of call B (same departments)', staffB);
    outsiders.set('admin in no call', await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken));
    outsiders.set('interpreter of call B', await inviteGuest(server, colleague.token, callB));
    outsiders.set('captioner of call B', await inviteGuest(server, colleague.token, callB, 'captioner'));
  });

  it('refuses every request aimed at call A from every party of call B (and from an admin in no call)', async () => {
    const [before] = await server.db.dataSource.query(`SELECT * FROM consultation_session WHERE id = $1`, [target.consultationId]);
    const seenByA = [record(callA.kiosk), record(callA.staff), record(interpreterA)];
    const seenByOutsiders = new Map([...outsiders].map(([who, socket]) => [who, record(socket)]));
    const accepted: string[] = [];
    let walked = 0;
    for (const [event, payloadFor] of Object.entries(AIMED_AT)) {
      if (!payloadFor) continue;
      const payload = payloadFor(target);
      assert.ok(SOCKET_REQUESTS[event as SocketRequest].payload.safeParse(payload).success, `${event}: the probe payload must pass the schema, or it probes nothing`);
      for (const [who, socket] of outsiders) {
        const ack = await requestRaw(socket, event, payload);
        walked += 1;
        if (MAY_REACH_ACROSS.has(`${event} from ${who}`)) continue;
        if (ack.ok) accepted.push(`${event} from ${who}: ${JSON.stringify(ack.data).slice(0, 200)}`);
        else assert.notEqual(ack.error.code, 'INTERNAL', `${event} from ${who}: ${ack.error.message}`);
      }
    }
    assert.deepEqual(accepted, [], 'requests aimed at another call that went through');
    assert.ok(walked >= 25 * outsiders.size, `walked ${walked}`);
    // Nothing reached call A's parties, and nothing of call A reached the outsiders.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(seenByA.flat(), [], 'call A received something because of the outsiders');
    for (const [who, seen] of seenByOutsiders) {
      assert.deepEqual(seen.filter((text) => text.includes(target.consultationId)), [], `${who} received call A's events`);
    }
    const [after] = await server.db.dataSource.query(`SELECT * FROM consultation_session WHERE id = $1`, [target.consultationId]);
    const butOutcome = (row: Record<string, unknown>) => ({ ...row, outcome_code: null, notes: '', outcome_at: null });
    assert.deepEqual(butOutcome(after), butOutcome(before), "call A's record is unchanged (but for the admin's outcome)");
  });

  it('resumeCall aimed at call A tells an outsider nothing about it', async () => {
    for (const [who, socket] of outsiders) {
      const ack = await requestRaw(socket, 'resumeCall', { consultationId: target.consultationId });
      assert.ok(!JSON.stringify(ack).includes(target.consultationId), `${who}: ${JSON.stringify(ack).slice(0, 300)}`);
    }
  });

  it('over REST too: nobody outside call A brings a guest into it or reads its booking context', async () => {
    const through: string[] = [];
    for (const [who, token] of outsiderTokens) {
      const client = restClient(server.url, token);
      const link = await client.call('createGuestLink', { params: { id: target.consultationId }, body: {} });
      if (link.status < 400 || link.status >= 500) through.push(`createGuestLink from ${who}: ${link.status}`);
      const context = await client.call('getCallContext', { params: { id: target.consultationId } });
      // An admin may read any record's context (the records page); a colleague or a kiosk may not.
      if (who !== 'admin in no call' && (context.status < 400 || context.status >= 500)) through.push(`getCallContext from ${who}: ${context.status}`);
    }
    assert.deepEqual(through, []);
  });

  it("a third resident queueing and leaving reaches the desks only: no kiosk or guest receives their consultation or the queue", async () => {
    const listeners = new Map<string, TestSocket>([
      ['kiosk of call A', callA.kiosk],
      ['interpreter of call A', interpreterA],
      ...[...outsiders].filter(([who]) => !who.startsWith('staff') && !who.startsWith('admin')),
    ]);
    const seen = new Map([...listeners].map(([who, socket]) => [who, record(socket)]));
    const desk = record(callA.staff);
    const kioskC = await connectSocket(server.url, (await pairKiosk(server.url, admin, '三番目の支所')).token);
    try {
      const { consultationId } = expectOk(await request(kioskC, 'callStaff', {}));
      expectOk(await request(kioskC, 'cancelCall', { consultationId }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(desk.some((text) => text.startsWith('queueUpdated') && text.includes(consultationId)), 'the desk sees the third resident (else this test proves nothing)');
      for (const [who, texts] of seen) {
        assert.deepEqual(texts.filter((text) => text.includes(consultationId) || text.startsWith('queueUpdated')), [], `${who} received the third resident`);
      }
    } finally {
      kioskC.close();
    }
  });

  it("refuses call A's own interpreter what only a captioner or the desk may do", async () => {
    for (const event of ['captionInput', 'correctCaption', 'getCaptions', 'pointer', 'documentView', 'pushForm', 'signForm'] as const) {
      const ack = await requestRaw(interpreterA, event, AIMED_AT[event]?.(target));
      assert.equal(ack.ok, false, `${event} from call A's interpreter: ${JSON.stringify(ack).slice(0, 200)}`);
    }
  });
});
