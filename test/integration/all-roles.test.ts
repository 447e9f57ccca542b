import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES, type RouteKey } from '@madoguchi/contract/api-routes';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { QueueEntry } from '@madoguchi/contract/consultation';
import type { Department } from '@madoguchi/contract/departments';
import { FormTemplateInput } from '@madoguchi/contract/forms';
import type { GuestLink } from '@madoguchi/contract/guests';
import { guestTokenOf } from '../fixtures/guest-link';
import { createMember, pairKiosk } from '../fixtures/members';
import type { CaptionLine } from '@madoguchi/contract/captions';
import { bookDemoKiosk, halfHourSoon } from '../fixtures/scheduling';
import { serverForSuite } from '../fixtures/suite-server';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

type Role = 'kiosk' | 'otherKiosk' | 'staffA' | 'staffB' | 'admin' | 'guest' | 'captioner';
interface Received {
  event: string;
  text: string;
}

const RESIDENT = '窓口 秘子';
const KANA = 'マドグチ ヒミコ';
const STAFF_A_NAME = '子育 担当者';
const GUEST_LABEL = '通訳 ゲスト';
const CAPTIONER_LABEL = '要約筆記 ゲスト';
/** What the captioner types; only the kiosk, the answering member and the captioner may receive it. */
const CAPTION_TEXT = '本日の手続きについてご説明します';
const CORRECTED_TEXT = '本日の手続きについて説明します';

/**
 * Written out here on purpose, not read from the server's permission tables: which events
 * each role's socket may receive while a booked resident of department A is queued, answered
 * by a member of A with a guest, exchanges messages and hangs up.
 */
const EXPECTED_EVENTS: Record<Role, string[]> = {
  kiosk: ['callAccepted', 'callEnded', 'captionLine', 'captionsState', 'formShown', 'messageReceived', 'peerJoined', 'queuePosition'],
  otherKiosk: [],
  staffA: ['callEnded', 'captionLine', 'captionsState', 'formCorrectionAsked', 'formUpdated', 'messageReceived', 'peerJoined', 'queueUpdated'],
  staffB: ['queueUpdated'],
  admin: ['queueUpdated'],
  // An interpreter is in the call but receives no captions (issue 18).
  guest: ['callEnded', 'messageReceived', 'peerJoined'],
  captioner: ['callEnded', 'captionLine', 'captionsState', 'peerJoined'],
};
/**
 * The names each role may see in what it receives. The kiosk's own resident is shown on its
 * screen by the check-in ack, and in the form staff prepared for them to sign (formShown).
 */
const MAY_SEE: Record<Role, string[]> = {
  kiosk: [STAFF_A_NAME, GUEST_LABEL, RESIDENT, CAPTIONER_LABEL, CAPTION_TEXT, CORRECTED_TEXT],
  otherKiosk: [],
  staffA: [RESIDENT, KANA, GUEST_LABEL, STAFF_A_NAME, CAPTIONER_LABEL, CAPTION_TEXT, CORRECTED_TEXT],
  staffB: [],
  admin: [RESIDENT, KANA],
  guest: [STAFF_A_NAME, GUEST_LABEL, CAPTIONER_LABEL],
  captioner: [CAPTIONER_LABEL, CAPTION_TEXT, CORRECTED_TEXT],
};

describe('every role, one booked consultation: each socket receives exactly what it may (issue 12)', () => {
  let server: TestServer;
  let admin: RestClient;
  const sockets = new Map<Role, TestSocket>();
  const received = new Map<Role, Received[]>();
  let staffAToken: string;
  let staffBToken: string;
  let adminToken: string;
  let appointment: Appointment;

  const listen = (role: Role, socket: TestSocket): void => {
    sockets.set(role, socket);
    received.set(role, []);
    socket.onAny((event: string, ...args: unknown[]) => received.get(role)?.push({ event, text: JSON.stringify(args) }));
  };
  const socketOf = (role: Role): TestSocket => {
    const socket = sockets.get(role);
    if (!socket) throw new Error(`no ${role} socket`);
    return socket;
  };

  before(async () => {
    server = await startTestServer();
    adminToken = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    admin = restClient(server.url, adminToken);
    const [a, b] = await Promise.all(
      [['kosodate', '子育て支援課'], ['zeimu', '税務課']].map(async ([code, name]) => expectStatus(await admin.call<Department>('createDepartment', { body: { code, name, icon: 'child' } }), 201)),
    );
    const staffA = await createMember(server.url, admin, { loginId: 'member-a', displayName: STAFF_A_NAME, departmentIds: [a?.id ?? ''] });
    const staffB = await createMember(server.url, admin, { loginId: 'member-b', departmentIds: [b?.id ?? ''] });
    staffAToken = staffA.token;
    staffBToken = staffB.token;
    appointment = await bookDemoKiosk(admin, server, { departmentId: a?.id ?? '', ...halfHourSoon(20), residentName: RESIDENT, residentKana: KANA });
    listen('kiosk', await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken));
    listen('staffA', await connectSocket(server.url, staffA.token));
    listen('staffB', await connectSocket(server.url, staffB.token));
    listen('admin', await connectSocket(server.url, adminToken));
    const other = await pairKiosk(server.url, admin, '西出張所');
    listen('otherKiosk', await connectSocket(server.url, other.token));
  });
  after(async () => {
    for (const socket of sockets.values()) socket.close();
    await server?.close();
  });

  it('drives the resident through queue, call, messages and hang-up', async () => {
    const kiosk = socketOf('kiosk');
    const staffA = socketOf('staffA');
    const checked = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
    const { consultationId } = checked;

    const refused = await request(socketOf('staffB'), 'acceptCall', { consultationId });
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', 'another department cannot answer');
    expectOk(await request(staffA, 'acceptCall', { consultationId }));

    const link = expectStatus(await restClient(server.url, staffAToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: GUEST_LABEL } }), 201);
    listen('guest', await connectSocket(server.url, guestTokenOf(link)));
    const guest = socketOf('guest');
    for (const socket of [kiosk, staffA, guest]) {
      const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
      expectOk(await request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
    }
    expectOk(await request(staffA, 'sendMessage', { consultationId, text: '書類をカメラの下へどうぞ' }));
    expectOk(await request(kiosk, 'sendMessage', { consultationId, text: 'はい' }));

    // 書かない窓口: staff A shows a form, the kiosk asks a correction, staff A resends, the kiosk signs.
    const template = await server.app.repositories.forms.saveTemplate(
      FormTemplateInput.parse({ title: { ja: '同意書' }, departmentId: null, fields: [{ key: 'applicantName', type: 'text', label: { ja: '氏名' }, required: true, prefill: 'residentName' }] }),
      null,
    );
    const templateId = template?.templateId ?? '';
    const form = expectOk(await request(staffA, 'pushForm', { consultationId, templateId, values: { applicantName: '窓口' } }));
    expectOk(await request(kiosk, 'askFormCorrection', { consultationId, documentId: form.documentId, revision: 1, fieldKey: 'applicantName' }));
    expectOk(await request(staffA, 'pushForm', { consultationId, templateId, documentId: form.documentId, values: { applicantName: RESIDENT } }));
    expectOk(await request(kiosk, 'signForm', { consultationId, documentId: form.documentId, revision: 2, strokes: [[[10, 10], [100, 200], [200, 10], [300, 200], [400, 10]]] }));
    for (const [who, token, status] of [['staff A', staffAToken, 200], ['staff B', staffBToken, 404], ['the admin', adminToken, 200]] as const) {
      assert.equal((await restClient(server.url, token).call('getFormPdf', { params: { id: form.documentId } })).status, status, `${who} opening the signed PDF`);
      assert.equal((await restClient(server.url, token).call('listConsultationForms', { params: { id: consultationId } })).status, status, `${who} listing the forms`);
    }
    assert.ok([401, 403].includes((await restClient(server.url, guestTokenOf(link)).call('getFormPdf', { params: { id: form.documentId } })).status), 'the guest cannot open it');
    // A captioner (要約筆記) joins through a link of its own kind and types; the specialist corrects the line.
    const captionerLink = expectStatus(
      await restClient(server.url, staffAToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: CAPTIONER_LABEL, kind: 'captioner' } }),
      201,
    );
    listen('captioner', await connectSocket(server.url, guestTokenOf(captionerLink)));
    const captioner = socketOf('captioner');
    const captionerInfo = expectOk(await request(captioner, 'getServerInfo', {}));
    assert.equal(captionerInfo.guestKind, 'captioner');
    expectOk(await request(captioner, 'joinRoom', { consultationId, rtpCapabilities: captionerInfo.routerRtpCapabilities }));
    const lineId = '6f1d3a52-58c5-4f0e-9a57-4a4a5c1e2b10';
    const kioskLine = new Promise<CaptionLine>((resolve) => kiosk.on('captionLine', (line: CaptionLine) => line.final && resolve(line)));
    expectOk(await request(captioner, 'captionInput', { consultationId, lineId, text: CAPTION_TEXT.slice(0, 4), final: false }));
    expectOk(await request(captioner, 'captionInput', { consultationId, lineId, text: CAPTION_TEXT, final: true }));
    assert.equal((await kioskLine).text, CAPTION_TEXT);
    const corrected = expectOk(await request(staffA, 'correctCaption', { consultationId, lineId, text: CORRECTED_TEXT }));
    assert.equal(corrected.corrected, true);
    const kioskView = expectOk(await request(kiosk, 'getCaptions', { consultationId }));
    assert.deepEqual(kioskView.lines.map((l) => [l.text, l.source, l.corrected]), [[CORRECTED_TEXT, 'captioner', true]]);
    assert.equal(kioskView.state.lastSource, 'captioner');

    // Everyone else is refused: the interpreter guest, another kiosk, another member, the admin.
    const refusedCode = async (role: Role, event: 'getCaptions' | 'captionInput' | 'correctCaption' | 'captionConsent', payload: object): Promise<string> => {
      const answer = await request(socketOf(role), event as 'getCaptions', payload as { consultationId: string });
      assert.equal(answer.ok, false, `${role} ${event} is refused`);
      return answer.ok ? '' : answer.error.code;
    };
    assert.equal(await refusedCode('guest', 'getCaptions', { consultationId }), 'FORBIDDEN');
    assert.equal(await refusedCode('guest', 'captionInput', { consultationId, lineId, text: '偽の字幕', final: true }), 'FORBIDDEN');
    assert.equal(await refusedCode('kiosk', 'captionInput', { consultationId, lineId, text: '偽の字幕', final: true }), 'FORBIDDEN');
    assert.equal(await refusedCode('captioner', 'correctCaption', { consultationId, lineId, text: '偽の字幕' }), 'FORBIDDEN');
    assert.equal(await refusedCode('kiosk', 'correctCaption', { consultationId, lineId, text: '偽の字幕' }), 'FORBIDDEN');
    await refusedCode('otherKiosk', 'getCaptions', { consultationId });
    await refusedCode('otherKiosk', 'captionConsent', { consultationId, consent: true });
    await refusedCode('staffB', 'getCaptions', { consultationId });
    await refusedCode('staffB', 'correctCaption', { consultationId, lineId, text: '偽の字幕' });
    await refusedCode('admin', 'correctCaption', { consultationId, lineId, text: '偽の字幕' });
    const guestClosed = new Promise<void>((resolve) => guest.once('disconnect', () => resolve()));
    expectOk(await request(staffA, 'hangUp', { consultationId }));
    await guestClosed;
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const role of Object.keys(EXPECTED_EVENTS) as Role[]) {
      const events = [...new Set((received.get(role) ?? []).map((r) => r.event))].sort();
      assert.deepEqual(events, EXPECTED_EVENTS[role], `${role} received exactly these events`);
    }
    const names = [RESIDENT, KANA, STAFF_A_NAME, GUEST_LABEL, CAPTIONER_LABEL, CAPTION_TEXT, CORRECTED_TEXT];
    for (const role of Object.keys(MAY_SEE) as Role[]) {
      const text = (received.get(role) ?? []).map((r) => r.text).join('\n');
      for (const name of names) {
        if (!MAY_SEE[role].includes(name)) assert.ok(!text.includes(name), `${role} received ${name}`);
      }
    }
    const residentSeen = (role: Role): boolean => (received.get(role) ?? []).some((r) => r.event === 'queueUpdated' && r.text.includes(RESIDENT));
    assert.ok(residentSeen('staffA') && residentSeen('admin'), 'the resident is in the queue of department A and of the admin');
  });
});

/**
 * Written out here on purpose: the only routes an anonymous caller may use. The booking page
 * (issue 19) needs its options, free times, a challenge, a new booking and the private link's
 * view, move, cancel and .ics; everything else about residents stays behind a login.
 */
const ANONYMOUS_ROUTES = [
  'login', 'refresh', 'kioskToken', 'kioskPair', 'openapi',
  'publicBookingOptions', 'publicFreeTimes', 'publicBookingChallenge', 'createPublicBooking',
  'getPublicBooking', 'movePublicBooking', 'cancelPublicBooking', 'publicBookingIcs',
].sort();
const BOOKING_ADMIN_ROUTES = ['getBookingRules', 'updateBookingRules', 'reissueBookingLink'] as const;

describe('every role, the booking routes: anonymous callers reach only what the booking page needs (issue 19)', () => {
  const server = serverForSuite();

  it('lists exactly these routes as public', () => {
    const open = (Object.keys(API_ROUTES) as RouteKey[]).filter((key) => (API_ROUTES[key].access as readonly string[]).includes('public')).sort();
    assert.deepEqual(open, ANONYMOUS_ROUTES);
  });

  it('keeps the booking rules and link reissue to admins', async () => {
    const staff = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
    const admin = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    const kiosk = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
    const someId = '6f1c2b1e-1111-4111-8111-111111111111';
    for (const key of BOOKING_ADMIN_ROUTES) {
      const body = key === 'updateBookingRules' ? { policy: { horizonDays: 30, leadMinutes: 120, changeCutoffMinutes: 60, maxOpenPerContact: 3 }, departments: [], kiosks: [], blockedDays: [] } : undefined;
      for (const [who, token, expected] of [['anonymous', undefined, 401], ['kiosk', kiosk, 403], ['staff', staff, 403]] as const) {
        const response = await restClient(server.url, token).call(key, { params: { id: someId }, body });
        assert.equal(response.status, expected, `${key} as ${who}`);
      }
      const asAdmin = await restClient(server.url, admin).call(key, { params: { id: someId }, body });
      assert.ok([200, 404].includes(asAdmin.status), `${key} as admin: ${asAdmin.status}`);
    }
  });

  it('shows an anonymous caller nothing about residents: no booking without its link, no rules beyond what is bookable', async () => {
    const anonymous = restClient(server.url);
    assert.equal((await anonymous.call('getPublicBooking', { params: { token: 'A'.repeat(43) } })).status, 404);
    assert.equal((await anonymous.call('cancelPublicBooking', { params: { token: 'A'.repeat(43) } })).status, 404);
    const options = await anonymous.call<{ departments: unknown[]; kiosks: unknown[] }>('publicBookingOptions');
    assert.equal(options.status, 200);
    assert.deepEqual(options.body.departments, [], 'nothing is offered until an admin makes it bookable');
    assert.deepEqual(options.body.kiosks, []);
  });
});

/**
 * The transfer path and a department change, for a socket of every role. Written out here, not
 * read from the server: a desk that serves only the general counter, and a member of another
 * department, never receive a resident handed to department A, before, during or after the
 * transfer, nor in the snapshot a reconnecting console asks for.
 */
describe('every role, one consultation handed to another department: who receives what (issue 12)', () => {
  type TransferRole = 'kiosk' | 'staffA' | 'staffB' | 'staffNone' | 'admin' | 'guest';
  let server: TestServer;
  let admin: RestClient;
  let departmentA: Department;
  let departmentB: Department;
  let members: Record<'staffA' | 'staffB' | 'staffNone', { id: string; token: string }>;
  let appointment: Appointment;
  const sockets = new Map<TransferRole, TestSocket>();
  const received = new Map<TransferRole, { event: string; args: unknown[] }[]>();

  const listen = (role: TransferRole, socket: TestSocket): TestSocket => {
    sockets.set(role, socket);
    if (!received.has(role)) received.set(role, []);
    socket.onAny((event: string, ...args: unknown[]) => received.get(role)?.push({ event, args }));
    return socket;
  };
  const socketOf = (role: TransferRole): TestSocket => {
    const socket = sockets.get(role);
    if (!socket) throw new Error(`no ${role} socket`);
    return socket;
  };
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));
  /** Every queue entry a role was sent, by queueUpdated. */
  const queueEntriesOf = (role: TransferRole): QueueEntry[] =>
    (received.get(role) ?? []).filter((r) => r.event === 'queueUpdated').flatMap((r) => r.args[0] as QueueEntry[]);
  const eventsOf = (role: TransferRole): string[] => [...new Set((received.get(role) ?? []).map((r) => r.event))].sort();
  const textOf = (role: TransferRole): string => JSON.stringify(received.get(role) ?? []);

  before(async () => {
    server = await startTestServer();
    const adminToken = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    admin = restClient(server.url, adminToken);
    [departmentA, departmentB] = (await Promise.all(
      [['kosodate', '子育て支援課'], ['zeimu', '税務課']].map(async ([code, name]) => expectStatus(await admin.call<Department>('createDepartment', { body: { code, name, icon: 'child' } }), 201)),
    )) as [Department, Department];
    members = {
      staffA: await createMember(server.url, admin, { loginId: 'leg-a', displayName: STAFF_A_NAME, departmentIds: [departmentA.id] }),
      staffB: await createMember(server.url, admin, { loginId: 'leg-b', departmentIds: [departmentB.id] }),
      staffNone: await createMember(server.url, admin, { loginId: 'counter-only', departmentIds: [] }),
    };
    appointment = await bookDemoKiosk(admin, server, { departmentId: departmentA.id, ...halfHourSoon(20), residentName: RESIDENT, residentKana: KANA });
    listen('kiosk', await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken));
    for (const role of ['staffA', 'staffB', 'staffNone'] as const) listen(role, await connectSocket(server.url, members[role].token));
    listen('admin', await connectSocket(server.url, adminToken));
  });
  after(async () => {
    for (const socket of sockets.values()) socket.close();
    await server?.close();
  });

  const joinAll = async (consultationId: string, roles: TransferRole[]): Promise<void> => {
    for (const role of roles) {
      const socket = socketOf(role);
      const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
      expectOk(await request(socket, 'joinRoom', { consultationId, rtpCapabilities: routerRtpCapabilities }));
    }
  };

  it('an anonymous socket is refused before it can receive anything', async () => {
    await assert.rejects(connectSocket(server.url, undefined));
  });

  it('a booked resident of A, answered with a guest, handed to B: each socket receives exactly what it may', async () => {
    const kiosk = socketOf('kiosk');
    const { consultationId } = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
    expectOk(await request(socketOf('staffA'), 'acceptCall', { consultationId }));
    const link = expectStatus(await restClient(server.url, members.staffA.token).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: GUEST_LABEL } }), 201);
    const guest = listen('guest', await connectSocket(server.url, guestTokenOf(link)));
    await joinAll(consultationId, ['kiosk', 'staffA', 'guest']);

    const guestClosed = new Promise<void>((resolve) => guest.once('disconnect', () => resolve()));
    const moved = expectOk(await request(socketOf('staffA'), 'transferCall', { consultationId, departmentId: departmentB.id }));
    await guestClosed;
    // The console of the general counter reloads now: its snapshot holds nothing of B.
    socketOf('staffNone').close();
    const counter = listen('staffNone', await connectSocket(server.url, members.staffNone.token));
    const snapshot = expectOk(await request(counter, 'getQueue', {}));
    assert.deepEqual(snapshot, [], 'the general counter is sent no resident of another department at login');
    assert.deepEqual(expectOk(await request(socketOf('staffA'), 'getQueue', {})), [], 'A no longer sees the resident it handed to B');
    assert.deepEqual(expectOk(await request(socketOf('staffB'), 'getQueue', {})).map((e) => e.consultationId), [moved.newConsultationId]);

    const refused = await request(counter, 'acceptCall', { consultationId: moved.newConsultationId });
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', 'the general counter cannot answer B');
    expectOk(await request(socketOf('staffB'), 'acceptCall', { consultationId: moved.newConsultationId }));
    await joinAll(moved.newConsultationId, ['kiosk', 'staffB']);
    expectOk(await request(socketOf('staffB'), 'hangUp', { consultationId: moved.newConsultationId }));
    await settle();

    assert.deepEqual(eventsOf('kiosk'), ['callAccepted', 'callEnded', 'peerJoined', 'queuePosition', 'transferred']);
    assert.deepEqual(eventsOf('staffA'), ['callEnded', 'peerJoined', 'queueUpdated']);
    assert.deepEqual(eventsOf('staffB'), ['callEnded', 'peerJoined', 'queueUpdated']);
    assert.deepEqual(eventsOf('staffNone'), ['queueUpdated']);
    assert.deepEqual(eventsOf('admin'), ['queueUpdated']);
    assert.deepEqual(eventsOf('guest'), ['callEnded', 'peerJoined']);
    // Each desk's queue updates hold only its own departments and the general counter.
    const allowed: Record<'staffA' | 'staffB' | 'staffNone', (string | null)[]> = {
      staffA: [null, departmentA.id],
      staffB: [null, departmentB.id],
      staffNone: [null],
    };
    for (const role of ['staffA', 'staffB', 'staffNone'] as const) {
      for (const entry of queueEntriesOf(role)) assert.ok(allowed[role].includes(entry.departmentId), `${role} was sent a resident of ${entry.departmentName}`);
    }
    assert.deepEqual([...new Set(queueEntriesOf('admin').map((e) => e.departmentName))].sort(), ['子育て支援課', '税務課'], 'the admin saw both legs waiting');
    assert.ok(queueEntriesOf('staffB').some((e) => e.consultationId === moved.newConsultationId && e.residentName === RESIDENT), 'B was sent the resident handed to it');
    for (const role of ['kiosk', 'staffNone', 'guest'] as const) {
      assert.ok(!textOf(role).includes(RESIDENT) && !textOf(role).includes(KANA), `${role} received the resident's name`);
    }
  });

  it('the general counter hands a walk-in to A: the counter is never sent the entry, before or after a reconnect', async () => {
    received.set('staffNone', []);
    const kiosk = socketOf('kiosk');
    const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
    expectOk(await request(socketOf('staffNone'), 'acceptCall', { consultationId }));
    await joinAll(consultationId, ['kiosk', 'staffNone']);
    const moved = expectOk(await request(socketOf('staffNone'), 'transferCall', { consultationId, departmentId: departmentA.id }));
    await settle();
    assert.ok(!queueEntriesOf('staffNone').some((e) => e.consultationId === moved.newConsultationId), 'the counter was never sent the resident it handed to A');
    const lastUpdate = (received.get('staffNone') ?? []).filter((r) => r.event === 'queueUpdated').at(-1)?.args[0] as QueueEntry[] | undefined;
    assert.deepEqual(lastUpdate, [], "the counter's latest queue is empty");
    assert.deepEqual(expectOk(await request(socketOf('staffNone'), 'getQueue', {})), []);
    assert.ok(queueEntriesOf('staffA').some((e) => e.consultationId === moved.newConsultationId), 'A was sent it');
    expectOk(await request(kiosk, 'cancelCall', { consultationId: moved.newConsultationId }));
  });

  it('a member whose departments change while logged in sees the new scope at once, and nothing of the old one', async () => {
    const kiosk = socketOf('kiosk');
    const staffB = socketOf('staffB');
    const { consultationId } = expectOk(await request(kiosk, 'callStaff', { departmentId: departmentA.id }));
    await settle();
    assert.deepEqual(expectOk(await request(staffB, 'getQueue', {})), []);

    const given = nextEvent(staffB, 'queueUpdated');
    expectStatus(await admin.call('updateStaff', { params: { id: members.staffB.id }, body: { departmentIds: [departmentB.id, departmentA.id] } }), 200);
    assert.deepEqual((await given)[0].map((e) => e.consultationId), [consultationId], 'given A, the waiting resident of A arrives without a reconnect');

    const taken = nextEvent(staffB, 'queueUpdated');
    expectStatus(await admin.call('updateStaff', { params: { id: members.staffB.id }, body: { departmentIds: [departmentB.id] } }), 200);
    assert.deepEqual((await taken)[0], [], 'taken out of A, the list is replaced at once');
    received.set('staffB', []);
    // A's queue changes now (a second resident of A is announced when the first leaves and comes back).
    expectOk(await request(kiosk, 'cancelCall', { consultationId }));
    const again = expectOk(await request(kiosk, 'callStaff', { departmentId: departmentA.id }));
    await settle();
    assert.ok(!queueEntriesOf('staffB').some((e) => e.departmentId === departmentA.id), 'no resident of A reaches B after the change');
    assert.deepEqual(expectOk(await request(staffB, 'getQueue', {})), []);
    const refused = await request(staffB, 'acceptCall', { consultationId: again.consultationId });
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', 'B can no longer answer A');
    expectOk(await request(kiosk, 'cancelCall', { consultationId: again.consultationId }));
  });
});
