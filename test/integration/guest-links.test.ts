import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jwt from 'jsonwebtoken';
import { GUEST_LINK_TTL_SECONDS, type GuestLink } from '@madoguchi/contract/guests';
import { callInProgress } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { until } from '../helpers/poll';
import { connectSocket, expectOk, nextEvent, request } from '../helpers/socket-client';
import { TEST_JWT_SECRET } from '../helpers/start-server';


describe('guest links: a third party for one call, nothing else', () => {
  const suite = callInProgress();

  it('only the staff member in the call can make a link', async () => {
    const { server, call } = suite;
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    assert.equal((await admin.call('createGuestLink', { params: { id: call.consultationId }, body: {} })).status, 403, 'an admin outside the call');
    const kiosk = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    assert.equal((await kiosk.call('createGuestLink', { params: { id: call.consultationId }, body: {} })).status, 403);
  });

  it('admits the guest to that call: media, messages, and nothing else', async () => {
    const { server, call, staffToken } = suite;
    const link = expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '通訳' } }), 201);
    assert.match(link.url, /#\/guest\?consultation=/);
    const audited = await server.db.dataSource.query(`SELECT target_id FROM audit_log WHERE action = 'guest_invited'`);
    assert.deepEqual(audited.map((a: { target_id: string }) => a.target_id), [call.consultationId], 'inviting a guest is audited');
    const token = guestTokenOf(link);
    const guest = await connectSocket(server.url, token);
    try {
      const info = expectOk(await request(guest, 'getServerInfo', {}));
      assert.equal(info.role, 'guest');
      assert.equal(info.displayName, '通訳');
      const joined = expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
      assert.ok(joined.sendTransport.id, 'the guest gets transports in the room');
      const atKiosk = nextEvent(call.kiosk, 'messageReceived');
      const atStaff = nextEvent(call.staff, 'messageReceived');
      expectOk(await request(guest, 'sendMessage', { consultationId: call.consultationId, text: 'Hello, I am the interpreter' }));
      assert.equal((await atKiosk)[0].from, 'guest');
      assert.equal((await atStaff)[0].from, 'guest');
      for (const event of ['getQueue', 'acceptCall', 'requestSnapshot', 'transferCall', 'callStaff'] as const) {
        const refused = await request(guest, event, { consultationId: call.consultationId } as never);
        assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', `${event} is not for guests`);
      }
      assert.equal((await restClient(server.url, token).call('listConsultations')).status, 403, 'no records for guests');
      assert.equal((await restClient(server.url, token).call('listKiosks')).status, 403);

      // Leaving spends the link; the call goes on for the others (who are in the room).
      const staffInfo = expectOk(await request(call.staff, 'getServerInfo', {}));
      expectOk(await request(call.staff, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: staffInfo.routerRtpCapabilities }));
      const left = nextEvent(call.staff, 'peerLeft');
      expectOk(await request(guest, 'hangUp', { consultationId: call.consultationId }));
      assert.equal((await left)[0].role, 'guest');
      assert.equal((await server.app.repositories.consultations.findById(call.consultationId))?.status, 'active');
    } finally {
      guest.disconnect();
    }
    await assert.rejects(connectSocket(server.url, token), /expired or was already used/);
  });

  it('keeps a joined guest past the link\'s first-use lifetime: no cut-off mid-call, and a reconnect still admitted', async () => {
    const { server, call, staffToken } = suite;
    const link = expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '要約筆記', kind: 'captioner' } }), 201);
    assert.ok(Date.parse(link.expiresAt) - Date.now() <= GUEST_LINK_TTL_SECONDS * 1000, 'an unused link still lapses after its 30 minutes');
    const token = guestTokenOf(link);
    let guest = await connectSocket(server.url, token);
    try {
      const socketExpiry = server.app.io.of('/').sockets.get(guest.id ?? '')?.data.authExpiresAt ?? 0;
      assert.ok(socketExpiry - Date.now() > 2 * GUEST_LINK_TTL_SECONDS * 1000, `the captioner's socket is not closed when the link's 30 minutes end (closes in ${Math.round((socketExpiry - Date.now()) / 60_000)} min)`);
      // The link's 30 minutes are over while the captioner types; their network drops and comes back.
      await server.db.dataSource.query(`UPDATE guest_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [link.linkId]);
      const id = guest.id;
      guest.disconnect();
      await until(async () => server.app.io.of('/').sockets.has(id ?? ''), (open) => !open, { timeoutMs: 15_000, what: 'the server saw the old socket go' });
      guest = await connectSocket(server.url, token);
      const info = expectOk(await request(guest, 'getServerInfo', {}));
      expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    } finally {
      guest.disconnect();
    }
    // An unused link past its lifetime opens nothing.
    const unused = expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: {} }), 201);
    await server.db.dataSource.query(`UPDATE guest_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [unused.linkId]);
    await assert.rejects(connectSocket(server.url, guestTokenOf(unused)), /expired or was already used/);
  });

  it('a guest whose connection goes and does not come back (a closed tab) has left: the resident and the specialist talk on', async () => {
    const { server, call, staffToken } = suite;
    const link = expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '通訳', kind: 'interpreter' } }), 201);
    const guest = await connectSocket(server.url, guestTokenOf(link));
    const info = expectOk(await request(guest, 'getServerInfo', {}));
    expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
    const deskTold = nextEvent(call.staff, 'peerLeft');
    guest.disconnect();
    assert.equal((await deskTold)[0].role, 'guest');
    // Past the grace period (3 s in tests): the call is still on, the guest's link spent.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    assert.equal(server.app.consultations.has(call.consultationId), true, 'the call goes on without the guest');
    assert.equal((await server.app.repositories.consultations.findById(call.consultationId))?.endReason ?? null, null);
    await assert.rejects(connectSocket(server.url, guestTokenOf(link)), /expired or was already used/);
    const lefts = (await server.app.repositories.consultationEvents.listFor(call.consultationId)).filter((e) => e.type === 'left' && e.actor === 'guest');
    assert.equal(lefts.length >= 1, true, 'the record says the guest left');
  });

  it('refuses a link for another call, an expired one, and one whose call is over', async () => {
    const { server, call, staffToken } = suite;
    const link = expectStatus(await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: {} }), 201);
    const sign = (claims: object, options: jwt.SignOptions) =>
      jwt.sign(claims, TEST_JWT_SECRET, { algorithm: 'HS256', issuer: 'madoguchi', audience: 'madoguchi:guest', subject: link.linkId, ...options });
    const otherCall = sign({ sid: '6f1c2b1e-1111-4111-8111-111111111111' }, { expiresIn: 600 });
    await assert.rejects(connectSocket(server.url, otherCall), /expired or was already used|call this link was made for/);
    const expired = sign({ sid: call.consultationId, exp: Math.floor(Date.now() / 1000) - 5 }, {});
    await assert.rejects(connectSocket(server.url, expired), /invalid or expired token/);
    expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
    await assert.rejects(connectSocket(server.url, guestTokenOf(link)), /call this link was made for is over/);
  });
});
