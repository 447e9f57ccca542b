import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { Department } from '@madoguchi/contract/departments';
import type { GuestLink } from '@madoguchi/contract/guests';
import { guestTokenOf } from '../fixtures/guest-link';
import { createMember } from '../fixtures/members';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

type Role = 'kiosk' | 'staffA' | 'staffB' | 'admin' | 'guest';
interface Received {
  event: string;
  text: string;
}

const RESIDENT = '窓口 秘子';
const KANA = 'マドグチ ヒミコ';
const STAFF_A_NAME = '子育 担当者';
const GUEST_LABEL = '通訳 ゲスト';

/**
 * Written out here on purpose, not read from the server's permission tables: which events
 * each role's socket may receive while a booked resident of department A is queued, answered
 * by a member of A with a guest, exchanges messages and hangs up.
 */
const EXPECTED_EVENTS: Record<Role, string[]> = {
  kiosk: ['callAccepted', 'callEnded', 'messageReceived', 'peerJoined', 'queuePosition'],
  staffA: ['callEnded', 'messageReceived', 'peerJoined', 'queueUpdated'],
  staffB: ['queueUpdated'],
  admin: ['queueUpdated'],
  guest: ['callEnded', 'messageReceived', 'peerJoined'],
};
/** The names each role may see in what it receives (the kiosk's own resident is shown on its screen by the check-in ack, not by events). */
const MAY_SEE: Record<Role, string[]> = {
  kiosk: [STAFF_A_NAME, GUEST_LABEL],
  staffA: [RESIDENT, KANA, GUEST_LABEL, STAFF_A_NAME],
  staffB: [],
  admin: [RESIDENT, KANA],
  guest: [STAFF_A_NAME, GUEST_LABEL],
};

describe('every role, one booked consultation: each socket receives exactly what it may (issue 12)', () => {
  let server: TestServer;
  let admin: RestClient;
  const sockets = new Map<Role, TestSocket>();
  const received = new Map<Role, Received[]>();
  let staffAToken: string;
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
    const adminToken = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    admin = restClient(server.url, adminToken);
    const [a, b] = await Promise.all(
      [['kosodate', '子育て支援課'], ['zeimu', '税務課']].map(async ([code, name]) => expectStatus(await admin.call<Department>('createDepartment', { body: { code, name, icon: 'child' } }), 201)),
    );
    const staffA = await createMember(server.url, admin, { loginId: 'member-a', displayName: STAFF_A_NAME, departmentIds: [a?.id ?? ''] });
    const staffB = await createMember(server.url, admin, { loginId: 'member-b', departmentIds: [b?.id ?? ''] });
    staffAToken = staffA.token;
    const startsAt = new Date(Math.ceil((Date.now() + 20 * 60_000) / 300_000) * 300_000);
    appointment = expectStatus(
      await admin.call<Appointment>('createAppointment', {
        body: {
          departmentId: a?.id,
          kioskId: server.demo.kioskCredential.split('.')[0],
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
          residentName: RESIDENT,
          residentKana: KANA,
        },
      }),
      201,
    );
    listen('kiosk', await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken));
    listen('staffA', await connectSocket(server.url, staffA.token));
    listen('staffB', await connectSocket(server.url, staffB.token));
    listen('admin', await connectSocket(server.url, adminToken));
  });
  after(async () => {
    for (const socket of sockets.values()) socket.close();
    await server?.close();
  });

  it('drives the resident through queue, call, messages and hang-up', async () => {
    const kiosk = socketOf('kiosk');
    const staffA = socketOf('staffA');
    const checked = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
    const { sessionId } = checked;

    const refused = await request(socketOf('staffB'), 'acceptCall', { sessionId });
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', 'another department cannot answer');
    expectOk(await request(staffA, 'acceptCall', { sessionId }));

    const link = expectStatus(await restClient(server.url, staffAToken).call<GuestLink>('createGuestLink', { params: { id: sessionId }, body: { label: GUEST_LABEL } }), 201);
    listen('guest', await connectSocket(server.url, guestTokenOf(link)));
    const guest = socketOf('guest');
    for (const socket of [kiosk, staffA, guest]) {
      const { routerRtpCapabilities } = expectOk(await request(socket, 'getServerInfo', {}));
      expectOk(await request(socket, 'joinRoom', { sessionId, rtpCapabilities: routerRtpCapabilities }));
    }
    expectOk(await request(staffA, 'sendMessage', { sessionId, text: '書類をカメラの下へどうぞ' }));
    expectOk(await request(kiosk, 'sendMessage', { sessionId, text: 'はい' }));
    const guestClosed = new Promise<void>((resolve) => guest.once('disconnect', () => resolve()));
    expectOk(await request(staffA, 'hangUp', { sessionId }));
    await guestClosed;
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const role of Object.keys(EXPECTED_EVENTS) as Role[]) {
      const events = [...new Set((received.get(role) ?? []).map((r) => r.event))].sort();
      assert.deepEqual(events, EXPECTED_EVENTS[role], `${role} received exactly these events`);
    }
    const names = [RESIDENT, KANA, STAFF_A_NAME, GUEST_LABEL];
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
