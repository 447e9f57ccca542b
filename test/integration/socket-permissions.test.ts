import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SOCKET_PERMISSIONS, type SocketRole } from '@madoguchi/contract/socket-permissions';
import { kioskToken, loginStaff } from '../helpers/api-client';
import type { GuestLink } from '@madoguchi/contract/guests';
import { guestTokenOf } from '../fixtures/guest-link';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, requestRaw, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('the socket permission table, walked event by event and role by role', () => {
  let server: TestServer;
  const sockets = new Map<SocketRole, TestSocket>();
  /** A guest of the 「字幕入力」 kind: the table's guest column, no more (issue 18). */
  let captioner: TestSocket;

  before(async () => {
    server = await startTestServer();
    sockets.set('kiosk', await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken));
    sockets.set('staff', await connectSocket(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken));
    sockets.set('admin', await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken));
    // A guest exists only inside a call: start one and invite.
    const kiosk = sockets.get('kiosk');
    const staffLogin = await loginStaff(server.url, 'demo-staff', 'test-password');
    const staff = sockets.get('staff');
    if (!kiosk || !staff) throw new Error('sockets missing');
    const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
    expectOk(await request(staff, 'acceptCall', { consultationId }));
    const link = expectStatus(await restClient(server.url, staffLogin.accessToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: {} }), 201);
    sockets.set('guest', await connectSocket(server.url, guestTokenOf(link)));
    const captionerLink = expectStatus(await restClient(server.url, staffLogin.accessToken).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { kind: 'captioner' } }), 201);
    captioner = await connectSocket(server.url, guestTokenOf(captionerLink));
  });
  after(async () => {
    for (const socket of sockets.values()) socket.disconnect();
    captioner?.disconnect();
    await server.close();
  });

  it('refuses every event to the roles the table does not list, before looking at the payload', async () => {
    let checked = 0;
    for (const [event, allowed] of Object.entries(SOCKET_PERMISSIONS)) {
      for (const [role, socket] of sockets) {
        const ack = await requestRaw(socket, event, { probe: true });
        assert.equal(ack.ok, false, `${event} as ${role} with a bogus payload must not succeed`);
        const refusedForRole = !ack.ok && ack.error.code === 'FORBIDDEN' && /not allowed for/.test(ack.error.message);
        assert.equal(refusedForRole, !(allowed as readonly string[]).includes(role), `${event} as ${role}: ${JSON.stringify(ack)}`);
        checked += 1;
      }
    }
    assert.equal(checked, Object.keys(SOCKET_PERMISSIONS).length * 4);
  });

  it('walks the table as a captioner guest too: refused exactly where a guest is', async () => {
    for (const [event, allowed] of Object.entries(SOCKET_PERMISSIONS)) {
      const ack = await requestRaw(captioner, event, { probe: true });
      assert.equal(ack.ok, false, `${event} as captioner with a bogus payload must not succeed`);
      const refusedForRole = !ack.ok && ack.error.code === 'FORBIDDEN' && /not allowed for/.test(ack.error.message);
      assert.equal(refusedForRole, !(allowed as readonly string[]).includes('guest'), `${event} as captioner: ${JSON.stringify(ack)}`);
    }
  });
});
