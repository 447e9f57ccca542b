import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AppointmentDetail } from '@madoguchi/contract/appointments';
import type { BookingRulesView, FreeTimes, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { ErrorBody } from '@madoguchi/contract/errors';
import type { GuestLink } from '@madoguchi/contract/guests';
import type { KioskBookingCreated } from '@madoguchi/contract/kiosk-booking';
import type { KioskConfig, PairingCode, PairKioskResponse } from '@madoguchi/contract/kiosks';
import type { KioskDisplaySettings } from '@madoguchi/contract/town-settings';
import { bookingRules, saveBookingRules, topicOf } from '../fixtures/booking';
import { startCall } from '../fixtures/call-scenario';
import { guestTokenOf } from '../fixtures/guest-link';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

type Refusal = { error: ErrorBody & { details?: unknown } };

const DISPLAY: KioskDisplaySettings = { residentNameDisplay: 'family_name', counterPhone: '', openingHours: '', offerBookingHere: true };

/**
 * 「この窓口で予約する」 (issue 14, item 6): a kiosk books a later time at itself for a resident
 * nobody could answer. Its own id only, by the booking rules, with the database deciding.
 */
for (const kind of databaseKinds()) {
  describe(`a kiosk books a time at itself (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    let kiosk: RestClient;
    let otherKiosk: RestClient;
    let otherCredential: string;
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };
    const departmentId = () => world.departments[0]?.id ?? '';
    const freeTimesQuery = () => ({ departmentId: departmentId(), topicId: topicOf(rules), from: '2030-04-02', days: 1 });
    const bookingBody = (startsAt: string) => ({ departmentId: departmentId(), topicId: topicOf(rules), startsAt, preferredLanguage: 'en' });

    before(async () => {
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        bookingLimits: { perKiosk: { name: `kiosk-booking-${kind}`, attempts: 4, windowSeconds: 3600 } },
      });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world));
      kiosk = restClient(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      // The second kiosk gets a credential of its own, as an installer would pair it.
      const code = expectStatus(await world.admin.call<PairingCode>('issuePairingCode', { params: { id: world.otherKioskId } }), 200);
      const paired = expectStatus(await restClient(server.url).call<PairKioskResponse>('kioskPair', { body: { code: code.code } }), 200);
      otherCredential = paired.credential;
      otherKiosk = restClient(server.url, (await kioskToken(server.url, otherCredential)).accessToken);
    });
    after(() => server.close());

    it('is offered in the kiosk config only when the town turns it on, for the departments bookable at that kiosk', async () => {
      const offered = async () => expectStatus(await kiosk.call<KioskConfig>('kioskConfig'), 200).alternatives.bookHere;
      assert.deepEqual(await offered(), [], 'off until an admin turns it on');
      expectStatus(await world.admin.call('updateKioskDisplay', { body: DISPLAY }), 200);
      const offers = await offered();
      assert.deepEqual(offers.map((o) => [o.departmentId, o.topics.map((t) => t.name)]), [[departmentId(), ['児童手当']]]);
      // A kiosk that 予約枠 does not make bookable offers nothing, whatever the display setting says.
      const closed = bookingRules(world);
      closed.kiosks = closed.kiosks.map((k) => (k.kioskId === world.kioskId ? { ...k, bookable: false } : k));
      await saveBookingRules(world, closed);
      assert.deepEqual(await offered(), []);
      assert.equal((await kiosk.call('kioskFreeTimes', { params: { id: world.kioskId }, query: freeTimesQuery() })).status, 404);
      rules = await saveBookingRules(world, bookingRules(world));
      assert.equal((await offered()).length, 1);
    });

    it('refuses another kiosk, staff, admins, guests and anonymous callers', async () => {
      const call = await startCall(server);
      try {
        const link = expectStatus(
          await restClient(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken).call<GuestLink>('createGuestLink', { params: { id: call.consultationId }, body: { label: '通訳', kind: 'interpreter' } }),
          201,
        );
        const callers: [string, RestClient, number[]][] = [
          ['another kiosk', otherKiosk, [403]],
          ['staff', restClient(server.url, world.staffToken), [403]],
          ['an admin', world.admin, [403]],
          ['a guest', restClient(server.url, guestTokenOf(link)), [401, 403]],
          ['anonymous', restClient(server.url), [401]],
        ];
        for (const [who, client, statuses] of callers) {
          const times = await client.call<Refusal>('kioskFreeTimes', { params: { id: world.kioskId }, query: freeTimesQuery() });
          assert.ok(statuses.includes(times.status), `${who} read free times: ${times.status}`);
          const booked = await client.call<Refusal>('createKioskBooking', { params: { id: world.kioskId }, body: bookingBody('2030-04-02T10:00:00+09:00') });
          assert.ok(statuses.includes(booked.status), `${who} booked: ${booked.status}`);
        }
      } finally {
        expectOk(await request(call.staff, 'hangUp', { consultationId: call.consultationId }));
        call.close();
      }
      const rows: { n: string }[] = await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment WHERE source = 'kiosk'`);
      assert.equal(Number(rows[0]?.n), 0, 'nothing was booked');
      // The other kiosk may book at itself.
      const own = await otherKiosk.call<FreeTimes>('kioskFreeTimes', { params: { id: world.otherKioskId }, query: freeTimesQuery() });
      assert.equal(own.status, 200);
    });

    it('validates the body', async () => {
      const path = { params: { id: world.kioskId } };
      for (const body of [
        { ...bookingBody('2030-04-02T10:00:00+09:00'), residentName: '山田' },
        { ...bookingBody('tomorrow at ten') },
        { ...bookingBody('2030-04-02T10:00:00+09:00'), preferredLanguage: 'xx' },
        { topicId: topicOf(rules), startsAt: '2030-04-02T10:00:00+09:00' },
      ]) {
        assert.equal((await kiosk.call('createKioskBooking', { ...path, body })).status, 400, JSON.stringify(body));
      }
      assert.equal((await kiosk.call('createKioskBooking', { params: { id: 'not-a-uuid' }, body: bookingBody('2030-04-02T10:00:00+09:00') })).status, 400);
      // A time the rules never offer (10:10 is not a slot start).
      const off = await kiosk.call<Refusal>('createKioskBooking', { ...path, body: bookingBody('2030-04-02T10:10:00+09:00') });
      assert.equal(off.status, 409);
    });

    it('books anonymously by the rules: a code and QR, no contact or link, audited, and the code checks in at this kiosk only', async () => {
      const times = expectStatus(await kiosk.call<FreeTimes>('kioskFreeTimes', { params: { id: world.kioskId }, query: freeTimesQuery() }), 200);
      const first = times.days[0]?.times[0];
      assert.equal(first?.startsAt, '2030-04-02T00:00:00.000Z', '09:00 Japan time is the first free time');
      const created = expectStatus(await kiosk.call<KioskBookingCreated>('createKioskBooking', { params: { id: world.kioskId }, body: bookingBody('2030-04-02T09:00:00+09:00') }), 201);
      assert.match(created.checkInCode, /^\d{6}$/);
      assert.match(created.checkInQrSvg, /^<svg/);
      assert.equal(created.endsAt, '2030-04-02T00:30:00.000Z', 'the topic sets the length');
      assert.equal(created.departmentName, '子育て支援課');
      const stored: Record<string, unknown>[] = await server.db.dataSource.query(
        `SELECT id, source, resident_name, contact_email, contact_key, manage_token_hash, preferred_language FROM appointment WHERE check_in_code = $1`,
        [created.checkInCode],
      );
      assert.deepEqual({ ...stored[0], id: undefined }, { id: undefined, source: 'kiosk', resident_name: '', contact_email: null, contact_key: null, manage_token_hash: null, preferred_language: 'en' });
      const id = String(stored[0]?.['id']);
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id } }), 200);
      assert.deepEqual(detail.history.map((h) => [h.action, h.actorKind]), [['created', 'kiosk']]);
      const audit: { actor_kind: string; actor_id: string }[] = await server.db.dataSource.query(`SELECT actor_kind, actor_id FROM audit_log WHERE action = 'appointment_booked_at_kiosk' AND target_id = $1`, [id]);
      assert.deepEqual(audit, [{ actor_kind: 'kiosk', actor_id: world.kioskId }]);
      const mail: unknown[] = await server.db.dataSource.query(`SELECT 1 FROM outbox_message WHERE appointment_id = $1`, [id]);
      assert.equal(mail.length, 0, 'no address, no mail');
      const after = expectStatus(await kiosk.call<FreeTimes>('kioskFreeTimes', { params: { id: world.kioskId }, query: freeTimesQuery() }), 200);
      assert.ok(!after.days[0]?.times.some((t) => t.startsAt === first?.startsAt), 'the booked time is no longer offered');

      clock.now = new Date('2030-04-02T08:30:00+09:00');
      const socket = await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      const elsewhere = await connectSocket(server.url, (await kioskToken(server.url, otherCredential)).accessToken);
      try {
        const refused = await request(elsewhere, 'checkIn', { code: created.checkInCode });
        assert.equal(!refused.ok && refused.error.code, 'NOT_FOUND', 'the code is for this kiosk only');
        const checked = expectOk(await request(socket, 'checkIn', { code: created.checkInCode }));
        assert.equal(checked.appointment.residentName, null, 'no name to show on the public screen');
        expectOk(await request(socket, 'cancelCall', { consultationId: checked.consultationId }));
      } finally {
        socket.close();
        elsewhere.close();
        clock.now = new Date('2030-04-01T09:30:00+09:00');
      }
    });

    it('answers a taken time with the next free ones, and the database decides between two kiosks racing for the last place', async () => {
      const body = bookingBody('2030-04-03T10:00:00+09:00');
      // The department serves one booked resident at a time (capacity 1): both kiosks ask at once.
      const [a, b] = await Promise.all([
        kiosk.call<KioskBookingCreated | Refusal>('createKioskBooking', { params: { id: world.kioskId }, body }),
        otherKiosk.call<KioskBookingCreated | Refusal>('createKioskBooking', { params: { id: world.otherKioskId }, body }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [201, 409]);
      const refused = (a.status === 409 ? a : b).body as Refusal;
      assert.equal(refused.error.code, 'CONFLICT');
      const details = refused.error.details as SlotTakenDetails;
      assert.equal(details.reason, 'slot_taken');
      assert.ok(details.nextFreeTimes.length > 0);
      assert.ok(details.nextFreeTimes.every((t) => t.startsAt !== new Date(body.startsAt).toISOString()));
    });

    it('limits the bookings one kiosk makes', async () => {
      // Two of this kiosk's four were spent above; the rest go, then the fifth is refused.
      const statuses: number[] = [];
      for (const time of ['11:00', '11:30', '13:00']) {
        statuses.push((await kiosk.call('createKioskBooking', { params: { id: world.kioskId }, body: bookingBody(`2030-04-04T${time}:00+09:00`) })).status);
      }
      assert.deepEqual(statuses.slice(0, 1), [201]);
      assert.ok(statuses.includes(429), `statuses ${statuses.join(',')}`);
      // Nameless bookings are not one resident: none is shown as another's history in the call.
      const nameless: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE source = 'kiosk' ORDER BY starts_at`);
      assert.ok(nameless.length >= 2);
      assert.deepEqual(await server.app.repositories.appointments.listForResident({ name: '', kana: '', excludeId: nameless[0]?.id ?? '' }), []);
    });
  });
}
