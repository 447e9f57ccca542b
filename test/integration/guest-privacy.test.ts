import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import type { GuestLink } from '@madoguchi/contract/guests';
import { startCall, type CallParties } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { pairKiosk } from '../fixtures/members';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

/** Every event a socket receives, in order. */
function record(socket: TestSocket): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

describe('a guest sees that one call and nothing else (issue 12, items 1, 2 and 9)', () => {
  let server: TestServer;
  let call: CallParties;
  let staff: RestClient;
  let admin: RestClient;
  let department: Department;

  before(async () => {
    server = await startTestServer();
    call = await startCall(server);
    staff = restClient(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    department = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'zeimu', name: '税務課', icon: 'tax' } }), 201);
  });
  after(async () => {
    call?.close();
    await server?.close();
  });

  const invite = async (): Promise<string> =>
    guestTokenOf(expectStatus(await staff.call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '通訳' } }), 201));

  it('never receives the queue, while in the call or after leaving it', async () => {
    const token = await invite();
    const guest = await connectSocket(server.url, token);
    const seen = record(guest);
    const other = await pairKiosk(server.url, admin, '北支所');
    const otherKiosk = await connectSocket(server.url, other.token);
    const adminSocket = await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    try {
      const adminSaw = nextEvent(adminSocket, 'queueUpdated');
      const { consultationId } = expectOk(await request(otherKiosk, 'callStaff', { departmentId: department.id }));
      assert.deepEqual((await adminSaw)[0].map((e) => e.consultationId), [consultationId], 'the admin (all departments) sees the resident');
      expectOk(await request(otherKiosk, 'cancelCall', { consultationId }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(seen.filter((s) => s.event === 'queueUpdated'), [], 'no queue update ever reaches the guest');
      // Leaving spends the link, and the server closes the socket: nothing more reaches it.
      const closed = new Promise<string>((resolve) => guest.once('disconnect', (reason) => resolve(reason)));
      expectOk(await request(guest, 'hangUp', { consultationId: call.consultationId }));
      assert.equal(await closed, 'io server disconnect');
    } finally {
      guest.close();
      otherKiosk.close();
      adminSocket.close();
    }
  });

  it('one live socket per link: two at once with the same token, one is refused', async () => {
    const token = await invite();
    const attempts = await Promise.allSettled([connectSocket(server.url, token), connectSocket(server.url, token), connectSocket(server.url, token)]);
    const connected = attempts.filter((a) => a.status === 'fulfilled');
    assert.equal(connected.length, 1, 'exactly one socket is admitted');
    for (const refused of attempts.filter((a) => a.status === 'rejected')) assert.match(String(refused.reason), /already open/);
    for (const socket of connected) socket.value.close();
  });

  it('receives the staff member\'s messages and the end of the call, then its socket is closed', async () => {
    const token = await invite();
    const guest = await connectSocket(server.url, token);
    const info = expectOk(await request(guest, 'getServerInfo', {}));
    expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    const message = nextEvent(guest, 'messageReceived');
    expectOk(await request(call.staff, 'sendMessage', { consultationId: call.consultationId, text: 'ご本人確認をお願いします' }));
    assert.equal((await message)[0].text, 'ご本人確認をお願いします');
    const fromKiosk = nextEvent(guest, 'messageReceived');
    expectOk(await request(call.kiosk, 'sendMessage', { consultationId: call.consultationId, text: 'はい' }));
    assert.equal((await fromKiosk)[0].from, 'kiosk');

    const ended = nextEvent(guest, 'callEnded');
    const closed = new Promise<string>((resolve) => guest.once('disconnect', (reason) => resolve(reason)));
    expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
    assert.equal((await ended)[0].reason, 'staff_ended');
    assert.equal(await closed, 'io server disconnect', 'the server closes the guest socket when the call ends');
    await assert.rejects(connectSocket(server.url, token), /call this link was made for is over|expired or was already used/);
  });
});
