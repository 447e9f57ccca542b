import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AppointmentDetail, Appointment } from '@madoguchi/contract/appointments';
import type { BookingChallenge, BookingRulesView, PublicBooking, SlotTakenDetails } from '@madoguchi/contract/booking';
import type { ErrorBody } from '@madoguchi/contract/errors';
import type { Page } from '@madoguchi/contract/pagination';
import { hasLeadingZeroBits } from '../../server/src/domain/proof-of-work';
import { bookingRules, bookPublicly, publicBookingBody, saveBookingRules, topicOf } from '../fixtures/booking';
import { buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { kioskToken } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

type Refusal = { error: ErrorBody };

for (const kind of databaseKinds()) {
  describe(`residents book, view, move and cancel their own visits (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };
    const anonymous = () => restClient(server.url);
    const target = () => ({ departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId });

    before(async () => {
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        bookingLimits: { proofBits: 8, perContact: { name: 'b-contact', attempts: 6, windowSeconds: 3600 }, perAddress: { name: 'b-addr', attempts: 1000, windowSeconds: 3600 } },
      });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world, { maxOpenPerContact: 2 }));
    });
    after(() => server.close());

    it('books with a six-digit code the kiosk accepts, its QR, and a private link; staff see it and who booked it', async () => {
      const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-02T10:00:00+09:00', phone: '090-1234-5678', preferredLanguage: 'en', needs: { interpreter: true, hearingSupport: false, wheelchair: false, other: '' } }), 201);
      assert.match(created.booking.checkInCode ?? '', /^\d{6}$/);
      assert.match(created.booking.checkInQrSvg ?? '', /^<svg/);
      assert.match(created.manageToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(created.booking.endsAt, '2030-04-02T01:30:00.000Z', 'the topic sets the length');
      assert.equal(created.booking.changeable, true);
      const stored: { manage_token_hash: string; source: string; contact_email: string }[] = await server.db.dataSource.query(`SELECT manage_token_hash, source, contact_email FROM appointment WHERE check_in_code = $1`, [created.booking.checkInCode]);
      assert.equal(stored[0]?.source, 'public');
      assert.notEqual(stored[0]?.manage_token_hash, created.manageToken, 'only a hash of the link is kept');

      const list = expectStatus(await world.admin.call<Page<Appointment>>('listAppointments', { query: { from: '2030-04-02T00:00:00+09:00', to: '2030-04-03T00:00:00+09:00' } }), 200);
      const row = list.items.find((a) => a.checkInCode === created.booking.checkInCode);
      assert.equal(row?.residentName, '窓口 花子');
      assert.equal(row?.topic, '児童手当');
      assert.equal(row?.needs.interpreter, true);
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: row?.id ?? '' } }), 200);
      assert.deepEqual(detail.history.map((h) => [h.action, h.actorKind]), [['created', 'resident']]);

      const view = expectStatus(await anonymous().call<PublicBooking>('getPublicBooking', { params: { token: created.manageToken } }), 200);
      assert.equal(view.checkInCode, created.booking.checkInCode);
      assert.ok(!JSON.stringify(view).includes('hanako@example.jp'), 'the link page does not echo the contact');
      const ics = await anonymous().call('publicBookingIcs', { params: { token: created.manageToken } });
      assert.equal(ics.status, 200);
      assert.match(ics.text, /DTSTART:20300402T010000Z/);
      assert.match(ics.text, new RegExp(`受付番号: ${created.booking.checkInCode}`));

      // On the day, the kiosk takes the code like any other booking's.
      clock.now = new Date('2030-04-02T09:50:00+09:00');
      const kiosk = await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      try {
        const checked = expectOk(await request(kiosk, 'checkIn', { code: created.booking.checkInCode ?? '' }));
        assert.equal(checked.appointment.residentName, '窓口', 'the family name only, as the public screen shows by default');
      } finally {
        kiosk.close();
        clock.now = new Date('2030-04-01T09:30:00+09:00');
      }
      const after = expectStatus(await anonymous().call<PublicBooking>('getPublicBooking', { params: { token: created.manageToken } }), 200);
      assert.equal(after.status, 'checked_in');
      assert.equal(after.changeable, false);
    });

    it('refuses a time already passed in so many words, and offers the next free times (booking and moving alike)', async () => {
      const assertPassed = (answer: { status: number; body: unknown; text: string }) => {
        assert.equal(answer.status, 409, answer.text);
        const { error } = answer.body as Refusal;
        assert.equal(error.message, 'that time has already passed; choose one of the next free times');
        const details = error.details as SlotTakenDetails;
        assert.equal(details.reason, 'slot_taken', 'the page and the kiosk offer the next free times as for a taken one');
        assert.ok(details.nextFreeTimes.length > 0);
        assert.ok(details.nextFreeTimes.every((t) => Date.parse(t.startsAt) > clock.now.getTime()), JSON.stringify(details.nextFreeTimes));
      };
      assertPassed(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-01T09:00:00+09:00', email: 'passed@example.jp' }));
      const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-04T10:00:00+09:00', email: 'passed@example.jp' }), 201);
      assertPassed(await anonymous().call('movePublicBooking', { params: { token: created.manageToken }, body: { startsAt: '2030-03-29T10:00:00+09:00' } }));
      expectStatus(await anonymous().call('cancelPublicBooking', { params: { token: created.manageToken } }), 200);
    });

    it('moves to another free time and cancels through the link, keeps the history, refuses after the cut-off', async () => {
      const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-03T10:00:00+09:00', email: 'move@example.jp' }), 201);
      const token = created.manageToken;
      const moved = expectStatus(await anonymous().call<PublicBooking>('movePublicBooking', { params: { token }, body: { startsAt: '2030-04-03T14:00:00+09:00' } }), 200);
      assert.equal(moved.startsAt, '2030-04-03T05:00:00.000Z');
      assert.equal(moved.checkInCode, created.booking.checkInCode, 'the code stays the same');
      const offGrid = await anonymous().call('movePublicBooking', { params: { token }, body: { startsAt: '2030-04-03T14:10:00+09:00' } });
      assert.equal(offGrid.status, 409);

      clock.now = new Date('2030-04-03T13:30:00+09:00');
      try {
        const late = await anonymous().call<Refusal>('cancelPublicBooking', { params: { token } });
        assert.equal(late.status, 409, 'within an hour of the start: call the office');
        assert.equal((late.body.error.details as { reason: string }).reason, 'past_cutoff');
      } finally {
        clock.now = new Date('2030-04-01T09:30:00+09:00');
      }
      const cancelled = expectStatus(await anonymous().call<PublicBooking>('cancelPublicBooking', { params: { token } }), 200);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.checkInCode, null);
      assert.equal((await anonymous().call('cancelPublicBooking', { params: { token } })).status, 409);

      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE check_in_code = $1 AND starts_at = '2030-04-03T05:00:00Z'`, [created.booking.checkInCode]);
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: rows[0]?.id ?? '' } }), 200);
      assert.deepEqual(detail.history.map((h) => `${h.action}/${h.actorKind}`), ['created/resident', 'rescheduled/resident', 'cancelled/resident']);
      assert.deepEqual(detail.history[1]?.details, { from: { startsAt: '2030-04-03T01:00:00.000Z', endsAt: '2030-04-03T01:30:00.000Z' }, to: { startsAt: '2030-04-03T05:00:00.000Z', endsAt: '2030-04-03T05:30:00.000Z' } });
    });

    it('a resident moving or cancelling at the moment staff cancel or move: one order wins, nothing happens after a cancel', async () => {
      const rounds = [
        { email: 'race1@example.jp', at: '2030-04-15T10:00:00+09:00', resident: 'move', staff: 'cancel' },
        { email: 'race2@example.jp', at: '2030-04-15T11:00:00+09:00', resident: 'cancel', staff: 'move' },
      ] as const;
      for (const round of rounds) {
        const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: round.at, email: round.email }), 201);
        const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE contact_email = $1`, [round.email]);
        const id = rows[0]?.id ?? '';
        const token = created.manageToken;
        const later = new Date(Date.parse(round.at) + 4 * 3600_000);
        const [resident, staff] = await Promise.all([
          round.resident === 'move'
            ? anonymous().call('movePublicBooking', { params: { token }, body: { startsAt: later.toISOString() } })
            : anonymous().call('cancelPublicBooking', { params: { token } }),
          round.staff === 'cancel'
            ? world.admin.call('cancelAppointment', { params: { id }, body: { reason: '担当者の都合' } })
            : world.admin.call('updateAppointment', { params: { id }, body: { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 30 * 60_000).toISOString() } }),
        ]);
        const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id } }), 200);
        const actions = detail.history.map((h) => h.action);
        assert.ok(actions.indexOf('cancelled') === actions.length - 1, `nothing after the cancel: ${actions.join(',')}`);
        assert.equal(actions.filter((a) => a === 'cancelled').length, 1);
        assert.equal(detail.status, 'cancelled');
        const succeeded = [resident.status, staff.status].filter((status) => status === 200).length;
        assert.equal(succeeded, actions.length - 1, `each answer that said yes is one history row: ${resident.status}/${staff.status} ${actions.join(',')}`);
      }
    });

    it('re-checks the cut-off on the locked row: a staff move to within the hour between the read and the lock wins', async () => {
      const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-16T10:00:00+09:00', email: 'gap@example.jp' }), 201);
      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE contact_email = $1`, ['gap@example.jp']);
      const id = rows[0]?.id ?? '';
      // What the resident's move read before taking the lock, then the staff move in the gap.
      const read = await server.app.booking.bookingRows.findById(id);
      assert.ok(read);
      const soon = new Date(clock.now.getTime() + 30 * 60_000);
      expectStatus(await world.admin.call('updateAppointment', { params: { id }, body: { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 30 * 60_000).toISOString() } }), 200);
      await assert.rejects(
        server.app.booking.bookings.moveBooking(read, '2030-04-17T10:00:00+09:00', { kind: 'resident' }),
        (error: { details?: { reason?: string } }) => error.details?.reason === 'past_cutoff',
        'the staff move put it within the cut-off: call the office',
      );
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id } }), 200);
      assert.equal(detail.startsAt, soon.toISOString(), 'the staff move stands');
      assert.deepEqual(detail.history.map((h) => `${h.action}/${h.actorKind}`), ['created/resident', 'rescheduled/staff']);
      const late = await anonymous().call<Refusal>('movePublicBooking', { params: { token: created.manageToken }, body: { startsAt: '2030-04-17T10:00:00+09:00' } });
      assert.equal((late.body.error.details as { reason: string }).reason, 'past_cutoff');
    });

    it('re-checks the cut-off on the locked row for a cancel too: a staff move in the gap stands', async () => {
      expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-18T10:00:00+09:00', email: 'gap-cancel@example.jp' }), 201);
      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE contact_email = $1`, ['gap-cancel@example.jp']);
      const id = rows[0]?.id ?? '';
      const read = await server.app.booking.bookingRows.findById(id);
      assert.ok(read);
      // The move before has the department's one specialist booked from +30 to +60 min: a staff move onto it is a
      // clear 409 naming the reason (it was a 500 when the database's capacity trigger refused it).
      const full = new Date(clock.now.getTime() + 40 * 60_000);
      const refused = await world.admin.call<{ error: { code: string; details: { reason?: string } } }>('updateAppointment', { params: { id }, body: { startsAt: full.toISOString(), endsAt: new Date(full.getTime() + 30 * 60_000).toISOString() } });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.details.reason, 'department_full');
      const soon = new Date(clock.now.getTime() + 2 * 60_000);
      expectStatus(await world.admin.call('updateAppointment', { params: { id }, body: { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 25 * 60_000).toISOString() } }), 200);
      await assert.rejects(
        server.app.booking.bookings.cancelBooking(read, { kind: 'resident' }),
        (error: { details?: { reason?: string } }) => error.details?.reason === 'past_cutoff',
        'the staff move put it within the cut-off: call the office',
      );
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id } }), 200);
      assert.equal(detail.status, 'scheduled', 'not cancelled');
      assert.deepEqual(detail.history.map((h) => `${h.action}/${h.actorKind}`), ['created/resident', 'rescheduled/staff']);
    });

    it('revokes a link: the old one finds nothing, the new one works', async () => {
      const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-04T10:00:00+09:00', email: 'revoke@example.jp' }), 201);
      const rows: { id: string }[] = await server.db.dataSource.query(`SELECT id FROM appointment WHERE starts_at = '2030-04-04T01:00:00Z' AND status = 'scheduled'`);
      const issued = expectStatus(await world.admin.call<{ manageToken: string }>('reissueBookingLink', { params: { id: rows[0]?.id ?? '' } }), 201);
      assert.equal((await anonymous().call('getPublicBooking', { params: { token: created.manageToken } })).status, 404);
      expectStatus(await anonymous().call<PublicBooking>('getPublicBooking', { params: { token: issued.manageToken } }), 200);
    });

    it('refuses a forged, wrong or reused proof of work', async () => {
      const body = await publicBookingBody(server.url, { ...target(), startsAt: '2030-04-05T10:00:00+09:00', email: 'pow@example.jp' });
      const forged = await anonymous().call('createPublicBooking', { body: { ...body, challenge: body.challenge.replace(/\.[^.]+$/, '.AAAA') } });
      assert.equal(forged.status, 400);
      const issued = expectStatus(await anonymous().call<BookingChallenge>('publicBookingChallenge'), 200);
      // A candidate that does not give the zero bits, checked by hashing.
      let wrong = 0;
      while (hasLeadingZeroBits(createHash('sha256').update(issued.challenge + wrong.toString(36)).digest(), issued.bits)) wrong += 1;
      const bad = await anonymous().call('createPublicBooking', { body: { ...body, challenge: issued.challenge, solution: wrong.toString(36) } });
      assert.equal(bad.status, 400);
      expectStatus(await anonymous().call('createPublicBooking', { body }), 201);
      const reused = await anonymous().call('createPublicBooking', { body: { ...body, startsAt: '2030-04-05T10:30:00+09:00' } });
      assert.equal(reused.status, 400);
    });

    it('caps open bookings per contact with the same answer as the contact rate limit (no enumeration)', async () => {
      const email = 'Cap.Resident@Example.JP';
      expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-08T10:00:00+09:00', email }), 201);
      expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-08T10:30:00+09:00', email: 'cap.resident@example.jp' }), 201);
      const overCap = await bookPublicly(server.url, { ...target(), startsAt: '2030-04-08T11:00:00+09:00', email });
      assert.equal(overCap.status, 429);
      // Another contact is refused by its rate limit (6 attempts) with the very same words.
      let limited = overCap;
      for (let i = 0; i < 7; i += 1) limited = await bookPublicly(server.url, { ...target(), startsAt: '2030-04-09T18:00:00+09:00', email: 'rate@example.jp' });
      assert.equal(limited.status, 429);
      assert.equal((limited.body as unknown as Refusal).error.message, (overCap.body as unknown as Refusal).error.message);
      assert.equal((limited.body as unknown as Refusal).error.code, (overCap.body as unknown as Refusal).error.code);
    });

    it('caps open bookings per contact against parallel requests: N at once by one contact never pass the cap', async () => {
      // Each request has its own solved challenge and its own free time: only the contact is shared.
      const times = ['10:00', '10:30', '11:00', '11:30', '13:00', '13:30'].map((t) => `2030-04-11T${t}:00+09:00`);
      const bodies = await Promise.all(times.map((startsAt) => publicBookingBody(server.url, { ...target(), startsAt, email: 'parallel@example.jp' })));
      const answers = await Promise.all(bodies.map((body) => anonymous().call('createPublicBooking', { body })));
      const statuses = answers.map((a) => a.status).sort();
      assert.equal(statuses.filter((s) => s === 201).length, 2, `exactly the cap of 2 is booked: ${statuses.join(',')}`);
      assert.ok(statuses.every((s) => s === 201 || s === 429), statuses.join(','));
      const open: { n: string }[] = await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment WHERE contact_email = 'parallel@example.jp' AND status = 'scheduled'`);
      assert.equal(Number(open[0]?.n), 2);
    });

    it('spends a proof of work once when it is sent several times at once', async () => {
      const body = await publicBookingBody(server.url, { ...target(), startsAt: '2030-04-12T10:00:00+09:00', email: 'pow-race@example.jp' });
      const times = ['10:00', '10:30', '11:00', '11:30'].map((t) => `2030-04-12T${t}:00+09:00`);
      const statuses = (await Promise.all(times.map((startsAt) => anonymous().call('createPublicBooking', { body: { ...body, startsAt } })))).map((a) => a.status).sort();
      assert.deepEqual(statuses, [201, 400, 400, 400]);
    });

    it('validates every field', async () => {
      const good = await publicBookingBody(server.url, { ...target(), startsAt: '2030-04-10T10:00:00+09:00', email: 'fields@example.jp' });
      for (const bad of [
        { residentKana: 'yamada' },
        { email: 'not-an-address' },
        { phone: 'call me' },
        { residentName: '' },
        { preferredLanguage: 'xx' },
        { needs: { interpreter: 'yes' } },
        { startsAt: 'tomorrow' },
        { extra: 1 },
      ]) {
        const response = await anonymous().call('createPublicBooking', { body: { ...good, ...bad } });
        assert.equal(response.status, 400, JSON.stringify(bad));
      }
      assert.equal((await anonymous().call('getPublicBooking', { params: { token: 'short' } })).status, 400);
    });
  });
}
