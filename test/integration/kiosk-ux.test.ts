import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { KioskConfig } from '@madoguchi/contract/kiosks';
import type { ErrorBody } from '@madoguchi/contract/errors';
import { COUNTER_PHONE_MESSAGE, type KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import { connectParties, startCall } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, eventWhere, expectOk, nextEvent, request } from '../helpers/socket-client';
import { serverForSuite } from '../fixtures/suite-server';

/** Issue 14's server side for the kiosk: 「キオスクに人がいない」, wait forecasts, the kiosk display setting, guest kinds. */
describe('kiosk UX rules on the server (real PostgreSQL)', () => {
  const server = serverForSuite();

  it('only staff in an answered call end it as resident_absent; the record says so', async () => {
    const parties = await connectParties(server);
    try {
      const { consultationId } = expectOk(await request(parties.kiosk, 'callStaff', {}));
      const early = await request(parties.staff, 'hangUp', { consultationId, reason: 'resident_absent' });
      assert.equal(!early.ok && early.error.code, 'FORBIDDEN', 'staff outside the call (not answered yet) cannot');
      const byKiosk = await request(parties.kiosk, 'hangUp', { consultationId, reason: 'resident_absent' });
      assert.equal(!byKiosk.ok && byKiosk.error.code, 'FORBIDDEN', 'a kiosk never reports itself empty');
      const bad = await request(parties.staff, 'hangUp', { consultationId, reason: 'completed' } as never);
      assert.equal(!bad.ok && bad.error.code, 'BAD_REQUEST', 'no other reason may be chosen');
      const accepted = nextEvent(parties.kiosk, 'callAccepted');
      expectOk(await request(parties.staff, 'acceptCall', { consultationId }));
      await accepted;
      const ended = nextEvent(parties.kiosk, 'callEnded');
      expectOk(await request(parties.staff, 'hangUp', { consultationId, reason: 'resident_absent' }));
      assert.equal((await ended)[0].reason, 'resident_absent');
      const record = await server.app.repositories.consultations.findById(consultationId);
      assert.equal(record?.endReason, 'resident_absent');
    } finally {
      parties.close();
    }
  });

  it('tells a waiting kiosk 「soon」 when a member is free, 「nobody」 when all are 離席中', async () => {
    const parties = await connectParties(server);
    try {
      // Queueing and presence may each trigger a forecast round: what counts is the last word the kiosk hears.
      const outlooks: string[] = [];
      parties.kiosk.on('queuePosition', (p) => outlooks.push(p.outlook));
      const first = nextEvent(parties.kiosk, 'queuePosition');
      const { consultationId } = expectOk(await request(parties.kiosk, 'callStaff', {}));
      assert.equal((await first)[0].outlook, 'soon');
      const away = eventWhere(parties.kiosk, 'queuePosition', (p) => p.outlook === 'nobody');
      expectOk(await request(parties.staff, 'setAvailability', { available: false }));
      await away;
      await delay(300);
      assert.equal(outlooks.at(-1), 'nobody', `no older 「soon」 arrives after 「nobody」 (heard: ${outlooks.join(', ')})`);
      const refused = await request(parties.kiosk, 'setAvailability', { available: true });
      assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN', 'a kiosk cannot pretend to be staff');
      const back = eventWhere(parties.kiosk, 'queuePosition', (p) => p.outlook === 'soon');
      expectOk(await request(parties.staff, 'setAvailability', { available: true }));
      await back;
      await delay(300);
      assert.equal(outlooks.at(-1), 'soon');
      expectOk(await request(parties.kiosk, 'cancelCall', { consultationId }));
    } finally {
      parties.close();
    }
  });

  it('the kiosk display setting: admins only, validated, audited, and the kiosk gets the alternatives', async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const staff = restClient(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
    const kiosk = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    assert.deepEqual(expectStatus(await admin.call<KioskDisplaySettings>('getKioskDisplay'), 200), { residentNameDisplay: 'family_name', counterPhone: '', openingHours: '', offerBookingHere: false });
    const body: KioskDisplaySettings = { residentNameDisplay: 'initials', counterPhone: '0120-000-111', openingHours: '平日 9:00〜17:00', offerBookingHere: false };
    assert.equal((await staff.call('updateKioskDisplay', { body })).status, 403);
    assert.equal((await kiosk.call('getKioskDisplay')).status, 403);
    assert.equal((await admin.call('updateKioskDisplay', { body: { ...body, residentNameDisplay: 'everything' } })).status, 400);
    assert.equal((await admin.call('updateKioskDisplay', { body: { ...body, extra: 1 } })).status, 400);
    assert.deepEqual(expectStatus(await admin.call('updateKioskDisplay', { body }), 200), body);
    const config = expectStatus(await kiosk.call<KioskConfig>('kioskConfig'), 200);
    assert.deepEqual(config.alternatives, { counterPhone: '0120-000-111', openingHours: '平日 9:00〜17:00', bookHere: [] });
    const audit = await server.db.dataSource.query(`SELECT details FROM audit_log WHERE action = 'settings_updated'`);
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit[0].details).includes('0120'), 'the audit keeps no phone number');
  });

  it('the counter phone number: only a number a resident can dial is saved, and an older saved text is dropped without the other choices', async () => {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const kiosk = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    const before = expectStatus(await admin.call<KioskDisplaySettings>('getKioskDisplay'), 200);
    const base: KioskDisplaySettings = { residentNameDisplay: 'hidden', counterPhone: '', openingHours: '平日 8:30〜17:15', offerBookingHere: false };
    try {
      for (const counterPhone of ['お近くの職員にお声がけください', '110', 'https://example.jp/contact', '0120-000-111 内線3', '+81 +3-1234-5678', '0'.repeat(16), '--0120000111']) {
        const refused = await admin.call<{ error: ErrorBody }>('updateKioskDisplay', { body: { ...base, counterPhone } });
        assert.equal(refused.status, 400, `${counterPhone}: ${refused.text}`);
        assert.equal(refused.body.error.code, 'BAD_REQUEST');
        assert.deepEqual(refused.body.error.details, [{ path: 'counterPhone', message: COUNTER_PHONE_MESSAGE }], counterPhone);
      }
      for (const counterPhone of ['+81 3-1234-5678', '(03) 1234-5678', '0120-000-111', '']) {
        assert.deepEqual(expectStatus(await admin.call('updateKioskDisplay', { body: { ...base, counterPhone } }), 200), { ...base, counterPhone });
      }
      const typedInJapanese = expectStatus(await admin.call<KioskDisplaySettings>('updateKioskDisplay', { body: { ...base, counterPhone: '　０１２０－０００－２２２' } }), 200);
      assert.equal(typedInJapanese.counterPhone, '0120-000-222', 'full-width digits are saved half-width');

      // Saved before numbers were checked: the phone is not shown, the name display stays hidden.
      await server.db.dataSource.query(`UPDATE town_setting SET value = $1 WHERE key = 'kiosk_display'`, [JSON.stringify({ ...base, counterPhone: '窓口へお越しください' })]);
      assert.deepEqual(expectStatus(await admin.call('getKioskDisplay'), 200), base);
      const config = expectStatus(await kiosk.call<KioskConfig>('kioskConfig'), 200);
      assert.equal(config.alternatives.counterPhone, '');
    } finally {
      expectStatus(await admin.call('updateKioskDisplay', { body: before }), 200);
    }
  });

  it('a guest joins with their kind, which every side is told', async () => {
    const call = await startCall(server);
    try {
      const staffToken = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
      const link = expectStatus(
        await restClient(server.url, staffToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '手話通訳者', kind: 'sign_language' } }),
        201,
      );
      const kioskInfo = expectOk(await request(call.kiosk, 'getServerInfo', {}));
      expectOk(await request(call.kiosk, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: kioskInfo.routerRtpCapabilities }));
      const guest = await connectSocket(server.url, guestTokenOf(link));
      try {
        const joinedAtKiosk = nextEvent(call.kiosk, 'peerJoined');
        const info = expectOk(await request(guest, 'getServerInfo', {}));
        expectOk(await request(guest, 'joinRoom', { consultationId: call.consultationId, rtpCapabilities: info.routerRtpCapabilities }));
        assert.deepEqual((await joinedAtKiosk)[0].peer, { role: 'guest', displayName: '手話通訳者', guestKind: 'sign_language' });
      } finally {
        guest.disconnect();
      }
      const refused = await restClient(server.url, staffToken).call('createGuestLink', { params: { id: call.consultationId }, body: { kind: 'boss' } });
      assert.equal(refused.status, 400, 'only the known kinds');
    } finally {
      call.close();
    }
  });
});
