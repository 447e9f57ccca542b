import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Appointment, AppointmentConflictDetails, AppointmentDetail, AppointmentRules } from '@madoguchi/contract/appointments';
import type { ErrorBody } from '@madoguchi/contract/errors';
import type { Page } from '@madoguchi/contract/pagination';
import { appointmentBody, book, buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { kioskToken } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

type ErrorResponse = { error: ErrorBody };

for (const kind of databaseKinds()) {
  describe(`appointments (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    // Before the first slot booked here: a start long past is refused (APPOINTMENT_START_GRACE_MINUTES).
    const clock = { now: new Date('2030-03-01T09:00:00+09:00') };

    before(async () => {
      server = await startTestServer({ database: kind, now: () => clock.now });
      world = await buildSchedulingWorld(server);
    });
    after(() => server.close());

    it('books a slot with a six-digit code and a history', async () => {
      const created = await book(world, { startsAt: '2030-03-01T10:00:00+09:00', endsAt: '2030-03-01T10:30:00+09:00' });
      assert.equal(created.status, 'scheduled');
      assert.match(created.checkInCode ?? '', /^\d{6}$/);
      assert.equal(created.startsAt, '2030-03-01T01:00:00.000Z');
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: created.id } }), 200);
      assert.deepEqual(detail.history.map((h) => h.action), ['created']);
    });

    it('lets exactly one of 50 concurrent bookings of one slot through', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          world.admin.call('createAppointment', {
            body: appointmentBody(world, { startsAt: '2030-03-02T10:00:00+09:00', endsAt: '2030-03-02T10:30:00+09:00', residentName: `住民${i}` }),
          }),
        ),
      );
      const winners = attempts.filter((r) => r.status === 201);
      const refused = attempts.filter((r) => r.status === 409);
      assert.equal(winners.length, 1, `statuses: ${attempts.map((a) => a.status).join(',')}`);
      assert.equal(refused.length, 49);
      const winner = winners[0]?.body as Appointment;
      for (const r of refused) {
        const body = r.body as ErrorResponse;
        assert.equal(body.error.code, 'CONFLICT');
        assert.equal((body.error.details as AppointmentConflictDetails).conflicts[0]?.id, winner.id);
      }
      const rows: { n: string }[] = await server.db.dataSource.query(
        `SELECT count(*) AS n FROM appointment WHERE starts_at = '2030-03-02T01:00:00Z'`,
      );
      assert.equal(Number(rows[0]?.n), 1, 'no half-written rows');
    });

    it('refuses the same staff member at two kiosks at once, allows back-to-back slots', async () => {
      const staffId = world.staffIds[0];
      await book(world, { staffId, startsAt: '2030-03-03T10:00:00+09:00', endsAt: '2030-03-03T11:00:00+09:00' });
      const clash = await world.admin.call<ErrorResponse>('createAppointment', {
        body: appointmentBody(world, { kioskId: world.otherKioskId, staffId, startsAt: '2030-03-03T10:30:00+09:00', endsAt: '2030-03-03T11:30:00+09:00' }),
      });
      assert.equal(clash.status, 409);
      assert.equal((clash.body.error.details as AppointmentConflictDetails).conflicts[0]?.on, 'staff');
      await book(world, { kioskId: world.otherKioskId, staffId, startsAt: '2030-03-03T11:00:00+09:00', endsAt: '2030-03-03T11:30:00+09:00' });
      const check = expectStatus(
        await world.admin.call<AppointmentConflictDetails>('checkConflicts', {
          body: { kioskId: world.kioskId, staffId: null, startsAt: '2030-03-03T10:45:00+09:00', endsAt: '2030-03-03T11:15:00+09:00' },
        }),
        200,
      );
      assert.equal(check.conflicts.length, 1, 'the conflict check before saving finds the kiosk clash');
    });

    it('reschedules with history, and a cancelled slot is free again', async () => {
      const first = await book(world, { startsAt: '2030-03-04T10:00:00+09:00', endsAt: '2030-03-04T10:30:00+09:00' });
      const moved = expectStatus(
        await world.admin.call<Appointment>('updateAppointment', {
          params: { id: first.id },
          body: { startsAt: '2030-03-04T14:00:00+09:00', endsAt: '2030-03-04T14:30:00+09:00' },
        }),
        200,
      );
      assert.equal(moved.startsAt, '2030-03-04T05:00:00.000Z');
      const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: first.id } }), 200);
      const reschedule = detail.history.find((h) => h.action === 'rescheduled');
      assert.ok(reschedule, 'the history keeps the reschedule');
      assert.deepEqual((reschedule.details['from'] as { startsAt: string }).startsAt, '2030-03-04T01:00:00.000Z');
      // The old slot is free, the new one is taken.
      await book(world, { startsAt: '2030-03-04T10:00:00+09:00', endsAt: '2030-03-04T10:30:00+09:00' });
      expectStatus(await world.admin.call('cancelAppointment', { params: { id: first.id }, body: {} }), 200);
      await book(world, { startsAt: '2030-03-04T14:00:00+09:00', endsAt: '2030-03-04T14:30:00+09:00' });
      const again = await world.admin.call<ErrorResponse>('cancelAppointment', { params: { id: first.id }, body: {} });
      assert.equal(again.status, 409, 'a cancelled appointment cannot be cancelled again');
      const edit = await world.admin.call<ErrorResponse>('updateAppointment', { params: { id: first.id }, body: { notes: 'x' } });
      assert.equal(edit.status, 409);
      assert.equal(edit.body.error.code, 'INVALID_STATE');
    });

    it('marks overdue scheduled appointments as no-shows, and only those', async () => {
      const overdue = await book(world, { startsAt: '2030-03-05T10:00:00+09:00', endsAt: '2030-03-05T10:30:00+09:00' });
      const later = await book(world, { startsAt: '2030-03-05T10:30:00+09:00', endsAt: '2030-03-05T11:00:00+09:00' });
      clock.now = new Date('2030-03-05T10:20:00+09:00');
      await server.app.appointments.markNoShows(15 * 60_000);
      const statusOf = async (id: string) =>
        expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id } }), 200).status;
      assert.equal(await statusOf(overdue.id), 'no_show');
      assert.equal(await statusOf(later.id), 'scheduled');
      // A no-show frees the slot for someone else: a walk-in booked for ten minutes ago.
      await book(world, { startsAt: '2030-03-05T10:10:00+09:00', endsAt: '2030-03-05T10:25:00+09:00', kioskId: world.kioskId });
    });

    it('checks in by code at the right kiosk: queue, answer, complete', async () => {
      const appointment = await book(world, { startsAt: '2030-04-01T10:00:00+09:00', endsAt: '2030-04-01T10:30:00+09:00', preferredLanguage: 'en' });
      clock.now = new Date('2030-04-01T09:50:00+09:00');
      const kioskAuth = await kioskToken(server.url, server.demo.kioskCredential);
      const kiosk = await connectSocket(server.url, kioskAuth.accessToken);
      const staff = await connectSocket(server.url, world.staffToken);
      try {
        const wrong = await request(kiosk, 'checkIn', { code: appointment.checkInCode === '000000' ? '000001' : '000000' });
        assert.equal(!wrong.ok && wrong.error.code, 'NOT_FOUND');
        const checked = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
        assert.equal(checked.appointment.id, appointment.id);
        assert.equal(checked.appointment.residentName, '山田', 'the kiosk gets the family name only (the default setting)');
        const queue = expectOk(await request(staff, 'getQueue', {}));
        const entry = queue.find((e) => e.consultationId === checked.consultationId);
        assert.equal(entry?.kind, 'booked');
        assert.equal(entry?.language, 'en');
        assert.equal(entry?.departmentName, '子育て支援課');
        expectOk(await request(staff, 'acceptCall', { consultationId: checked.consultationId }));
        const status = async () =>
          expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: appointment.id } }), 200);
        await waitFor(async () => (await status()).status === 'in_session');
        expectOk(await request(staff, 'hangUp', { consultationId: checked.consultationId }));
        await waitFor(async () => (await status()).status === 'completed');
        const detail = await status();
        assert.equal(detail.checkInCode, null, 'a closed appointment no longer shows its code');
        assert.equal(detail.consultationId, checked.consultationId);
        assert.deepEqual(detail.history.map((h) => h.action), ['created', 'checked_in', 'session_started', 'completed']);
        const reused = await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' });
        assert.equal(!reused.ok && reused.error.code, 'NOT_FOUND', 'a used code does not work twice');
      } finally {
        kiosk.disconnect();
        staff.disconnect();
      }
    });

    it('refuses early check-in, returns a withdrawn check-in to scheduled, and rate-limits guessing', async () => {
      const appointment = await book(world, { startsAt: '2030-04-02T15:00:00+09:00', endsAt: '2030-04-02T15:30:00+09:00' });
      const kioskAuth = await kioskToken(server.url, server.demo.kioskCredential);
      const kiosk = await connectSocket(server.url, kioskAuth.accessToken);
      try {
        clock.now = new Date('2030-04-02T13:00:00+09:00');
        const early = await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' });
        assert.equal(!early.ok && early.error.code, 'INVALID_STATE');
        clock.now = new Date('2030-04-02T14:30:00+09:00');
        const checked = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
        expectOk(await request(kiosk, 'cancelCall', { consultationId: checked.consultationId }));
        await waitFor(async () => {
          const detail = expectStatus(await world.admin.call<AppointmentDetail>('getAppointment', { params: { id: appointment.id } }), 200);
          return detail.status === 'scheduled';
        });
        const codes: string[] = [];
        for (let i = 0; codes.length < 6; i += 1) {
          const code = String(100000 + i);
          if (code !== appointment.checkInCode) codes.push(code);
        }
        const answers = [];
        for (const code of codes) answers.push(await request(kiosk, 'checkIn', { code }));
        assert.deepEqual(answers.map((a) => !a.ok && a.error.code), ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
        const blocked = await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' });
        assert.equal(!blocked.ok && blocked.error.code, 'RATE_LIMITED', 'even the right code waits once the kiosk is blocked');
      } finally {
        kiosk.disconnect();
      }
    });

    it('checks roles on every appointment route and validates bodies', async () => {
      const staff = restClient(server.url, world.staffToken);
      const nobody = restClient(server.url);
      const kioskAuth = await kioskToken(server.url, server.demo.kioskCredential);
      const kiosk = restClient(server.url, kioskAuth.accessToken);
      assert.equal((await staff.call('createAppointment', { body: appointmentBody(world) })).status, 403);
      assert.equal((await nobody.call('listAppointments')).status, 401);
      assert.equal((await kiosk.call('listAppointments')).status, 403);
      assert.equal((await staff.call('listAppointments', { query: { from: '2030-03-01T00:00:00+09:00' } })).status, 200);
      assert.deepEqual(expectStatus(await world.admin.call<AppointmentRules>('getAppointmentRules'), 200), { startGraceMinutes: 15 }, 'the default');
      const before = await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment`);
      const bad = [
        appointmentBody(world, { endsAt: '2030-04-01T09:00:00+09:00' }),
        appointmentBody(world, { startsAt: 'tomorrow' }),
        { ...appointmentBody(world), extra: 1 },
        appointmentBody(world, { residentName: 'x'.repeat(500) }),
        appointmentBody(world, { departmentId: '6f1c2b1e-1111-4111-8111-111111111111' }),
        appointmentBody(world, { residentKana: 'abc' }),
        '{"departmentId": ',
      ];
      for (const body of bad) {
        const response = await world.admin.call<ErrorResponse>('createAppointment', { body });
        assert.equal(response.status, 400, `should refuse ${JSON.stringify(body).slice(0, 80)}: ${response.text}`);
        assert.equal(response.body.error.code, 'BAD_REQUEST');
      }
      assert.deepEqual(await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment`), before);
      const list = expectStatus(
        await world.admin.call<Page<Appointment>>('listAppointments', {
          query: { from: '2030-03-01T00:00:00+09:00', to: '2030-03-02T00:00:00+09:00', kioskId: world.kioskId, status: 'scheduled' },
        }),
        200,
      );
      assert.ok(list.items.every((a) => a.kioskId === world.kioskId && a.status === 'scheduled'));
    });

    it('serves an iCalendar file in UTC with the code', async () => {
      const appointment = await book(world, { startsAt: '2030-04-03T10:00:00+09:00', endsAt: '2030-04-03T10:30:00+09:00' });
      const ics = await world.admin.call('appointmentIcs', { params: { id: appointment.id } });
      assert.equal(ics.status, 200);
      assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
      assert.match(ics.text, /DTSTART:20300403T010000Z\r\n/);
      assert.ok(ics.text.includes(appointment.checkInCode ?? 'missing'));
    });

    it('refuses a new or moved start long past with a 400 saying what to do; a walk-in for now and edits of a started booking pass', async () => {
      clock.now = new Date('2030-04-10T14:30:00+09:00');
      const slot = (start: string, minutes = 30) => ({ startsAt: new Date(start).toISOString(), endsAt: new Date(Date.parse(start) + minutes * 60_000).toISOString() });
      const before = await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment`);
      for (const start of ['2030-04-10T14:14:00+09:00', '2030-04-09T14:30:00+09:00', '2029-04-10T15:00:00+09:00']) {
        const refused = await world.admin.call<ErrorResponse>('createAppointment', { body: appointmentBody(world, { kioskId: world.otherKioskId, ...slot(start) }) });
        assert.equal(refused.status, 400, `${start}: ${refused.text}`);
        assert.equal(refused.body.error.code, 'BAD_REQUEST');
        assert.match(refused.body.error.message, /in the past: choose a start time from now on/);
        assert.deepEqual(refused.body.error.details, [{ path: 'startsAt', message: 'in the past' }]);
      }
      assert.deepEqual(await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment`), before, 'nothing written');
      // A resident at the counter, booked for the slot that began ten minutes ago.
      const walkIn = await book(world, { kioskId: world.otherKioskId, ...slot('2030-04-10T14:20:00+09:00') });
      clock.now = new Date('2030-04-10T14:45:00+09:00');
      expectStatus(await world.admin.call('updateAppointment', { params: { id: walkIn.id }, body: { notes: '書類あり', ...slot('2030-04-10T14:20:00+09:00') } }), 200);
      const moved = await world.admin.call<ErrorResponse>('updateAppointment', { params: { id: walkIn.id }, body: slot('2030-04-10T14:00:00+09:00') });
      assert.equal(moved.status, 400, moved.text);
      assert.deepEqual(moved.body.error.details, [{ path: 'startsAt', message: 'in the past' }]);
      expectStatus(await world.admin.call('updateAppointment', { params: { id: walkIn.id }, body: slot('2030-04-10T15:00:00+09:00') }), 200);
    });
  });

  describe(`appointments with NO_SHOW_GRACE_MINUTES=30 (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    const clock = { now: new Date('2030-05-10T14:30:00+09:00') };

    before(async () => {
      server = await startTestServer({ database: kind, now: () => clock.now, noShowGraceMinutes: 30 });
      world = await buildSchedulingWorld(server);
    });
    after(() => server.close());

    it('books a walk-in slot that began 20 minutes ago (not a no-show yet) and refuses one that began 31 minutes ago, naming the 30 minutes', async () => {
      const slot = (start: string) => ({ startsAt: new Date(start).toISOString(), endsAt: new Date(Date.parse(start) + 30 * 60_000).toISOString() });
      const walkIn = await book(world, slot('2030-05-10T14:10:00+09:00'));
      assert.equal(walkIn.status, 'scheduled');
      // The no-show sweep with the same grace leaves it be: the town's two rules agree.
      assert.equal(await server.app.appointments.markNoShows(30 * 60_000), 0);
      const refused = await world.admin.call<ErrorResponse>('createAppointment', { body: appointmentBody(world, { kioskId: world.otherKioskId, ...slot('2030-05-10T13:59:00+09:00') }) });
      assert.equal(refused.status, 400, refused.text);
      assert.equal(refused.body.error.code, 'BAD_REQUEST');
      assert.match(refused.body.error.message, /in the past: choose a start time from now on \(a walk-in may start at most 30 minutes ago\)/);
      assert.deepEqual(refused.body.error.details, [{ path: 'startsAt', message: 'in the past' }]);
      // Moving a booking obeys the same grace.
      const moved = await world.admin.call<ErrorResponse>('updateAppointment', { params: { id: walkIn.id }, body: slot('2030-05-10T14:05:00+09:00') });
      assert.equal(moved.status, 200, moved.text);
    });

    it('tells the admin dialog the grace it applies (admins only), so its own check agrees', async () => {
      assert.deepEqual(expectStatus(await world.admin.call<AppointmentRules>('getAppointmentRules'), 200), { startGraceMinutes: 30 });
      assert.equal((await restClient(server.url, world.staffToken).call('getAppointmentRules')).status, 403);
      assert.equal((await restClient(server.url).call('getAppointmentRules')).status, 401);
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}
