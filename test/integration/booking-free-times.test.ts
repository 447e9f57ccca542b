import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BookingRulesView, FreeTimes, PublicBookingOptions } from '@madoguchi/contract/booking';
import type { ErrorBody } from '@madoguchi/contract/errors';
import { bookingRules, bookPublicly, saveBookingRules, topicOf } from '../fixtures/booking';
import { book, buildSchedulingWorld, type SchedulingWorld } from '../fixtures/scheduling';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

const UNLIMITED = { attempts: 100_000, windowSeconds: 60 };

for (const kind of databaseKinds()) {
  describe(`free times for residents' bookings (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let world: SchedulingWorld;
    let rules: BookingRulesView;
    // Monday 2030-04-01, 09:30 in Japan (00:30 UTC): the host runs in UTC.
    const clock = { now: new Date('2030-04-01T09:30:00+09:00') };
    const times = async (query: Record<string, string | number>): Promise<FreeTimes> =>
      expectStatus(
        await restClient(server.url).call<FreeTimes>('publicFreeTimes', {
          query: { departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId, ...query },
        }),
        200,
      );
    const startsOf = (result: FreeTimes, day: string): string[] =>
      (result.days.find((d) => d.day === day)?.times ?? []).map((t) => new Date(t.startsAt).toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }));

    before(async () => {
      server = await startTestServer({
        database: kind,
        now: () => clock.now,
        bookingLimits: { proofBits: 8, perAddress: { name: 'b-addr', ...UNLIMITED }, perContact: { name: 'b-contact', ...UNLIMITED } },
      });
      world = await buildSchedulingWorld(server);
      rules = await saveBookingRules(world, bookingRules(world));
    });
    after(() => server.close());

    it('offers the department and kiosk hours both open, from now plus the lead time, in Japan time', async () => {
      const result = await times({ from: '2030-04-01', days: 1 });
      // 09:30 + 2 h lead: 11:30 is the first start; the lunch break 12:00-13:00 is closed.
      assert.deepEqual(startsOf(result, '2030-04-01'), ['11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
      assert.equal(result.days[0]?.times[0]?.startsAt, '2030-04-01T02:30:00.000Z');
      assert.equal(result.days[0]?.times[0]?.endsAt, '2030-04-01T03:00:00.000Z');
    });

    it('closes weekends (department closed on Saturday, everything on Sunday) and blocked days', async () => {
      const result = await times({ from: '2030-04-05', days: 3 });
      assert.equal(startsOf(result, '2030-04-05').length, 14, 'Friday: 6 + 8 half hours');
      assert.deepEqual(startsOf(result, '2030-04-06'), [], 'Saturday: the kiosk is open, the department is not');
      assert.deepEqual(startsOf(result, '2030-04-07'), []);
      const holiday = await times({ from: '2030-04-29', days: 1 });
      assert.deepEqual(startsOf(holiday, '2030-04-29'), [], '昭和の日 is blocked');
      const options = expectStatus(await restClient(server.url).call<PublicBookingOptions>('publicBookingOptions'), 200);
      assert.deepEqual(options.blockedDays, ['2030-04-29']);
      assert.equal(options.departments.length, 1, 'only the bookable department is offered');
      assert.equal(options.kiosks.length, 2);
    });

    it('ends at the horizon', async () => {
      const result = await times({ from: '2030-04-29', days: 7 });
      // Horizon 30 days from 2030-04-01: 2030-05-01 is the last bookable day.
      assert.deepEqual(result.days.map((d) => d.day), ['2030-04-29', '2030-04-30', '2030-05-01']);
      assert.ok(startsOf(result, '2030-05-01').length > 0);
      const beyond = await times({ from: '2030-05-02', days: 3 });
      assert.deepEqual(beyond.days, []);
    });

    it('follows the Japan day across the UTC midnight: at 00:30 in Japan (15:30 UTC the day before) today is the Japan day', async () => {
      const saved = clock.now;
      clock.now = new Date('2030-04-01T00:30:00+09:00');
      try {
        const result = await times({ days: 1 });
        assert.deepEqual(result.days.map((d) => d.day), ['2030-04-01']);
        assert.equal(result.days[0]?.times[0]?.startsAt, '2030-04-01T00:00:00.000Z', '09:00 in Japan is midnight UTC');
      } finally {
        clock.now = saved;
      }
    });

    it('takes out what the kiosk has booked and what fills the department (capacity 1), and the database agrees', async () => {
      // Staff bookings: one at this kiosk 13:00-13:30, one at the other kiosk 14:00-14:30 for the same department.
      await book(world, { startsAt: '2030-04-02T13:00:00+09:00', endsAt: '2030-04-02T13:30:00+09:00' });
      await book(world, { kioskId: world.otherKioskId, startsAt: '2030-04-02T14:00:00+09:00', endsAt: '2030-04-02T14:30:00+09:00' });
      const day = startsOf(await times({ from: '2030-04-02', days: 1 }), '2030-04-02');
      assert.ok(!day.includes('13:00') && !day.includes('14:00'), day.join(' '));
      assert.ok(day.includes('13:30') && day.includes('14:30'));

      const departmentId = world.departments[0]?.id ?? '';
      const topicId = topicOf(rules);
      const refused = await bookPublicly(server.url, { departmentId, topicId, kioskId: world.kioskId, startsAt: '2030-04-02T14:00:00+09:00', email: 'cap@example.jp' });
      assert.equal(refused.status, 409, 'capacity 1: the department is busy at 14:00 at the other kiosk');
      const details = (refused.body as unknown as { error: ErrorBody }).error.details as { reason: string; nextFreeTimes: { startsAt: string }[] };
      assert.equal(details.reason, 'slot_taken');
      assert.equal(details.nextFreeTimes[0]?.startsAt, '2030-04-02T05:30:00.000Z', 'the next free time is offered (14:30)');

      // With two specialists the same time is free, and booking it works.
      rules = await saveBookingRules(world, { ...bookingRules(world, {}, 2), departments: [{ ...bookingRules(world, {}, 2).departments[0]!, topics: [{ id: topicId, name: '児童手当', slotMinutes: 30 }] }] });
      assert.ok(startsOf(await times({ from: '2030-04-02', days: 1 }), '2030-04-02').includes('14:00'));
      expectStatus(await bookPublicly(server.url, { departmentId, topicId, kioskId: world.kioskId, startsAt: '2030-04-02T14:00:00+09:00', email: 'cap@example.jp' }), 201);
      assert.ok(!startsOf(await times({ from: '2030-04-02', days: 1 }), '2030-04-02').includes('14:00'), 'now taken');
    });

    it('refuses a time that is not offered: off the grid, inside the lead time, on a blocked day', async () => {
      const departmentId = world.departments[0]?.id ?? '';
      const topicId = topicOf(rules);
      for (const startsAt of ['2030-04-03T10:10:00+09:00', '2030-04-01T10:00:00+09:00', '2030-04-29T10:00:00+09:00', '2030-04-06T10:00:00+09:00']) {
        const response = await bookPublicly(server.url, { departmentId, topicId, kioskId: world.kioskId, startsAt, email: 'grid@example.jp' });
        assert.equal(response.status, 409, startsAt);
      }
    });

    it('lets exactly one of 12 concurrent bookings of one time through, across both kiosks (capacity and exclusion together)', async () => {
      const departmentId = world.departments[0]?.id ?? '';
      const topicId = topicOf(rules);
      rules = await saveBookingRules(world, { ...bookingRules(world, {}, 1), departments: [{ ...bookingRules(world, {}, 1).departments[0]!, topics: [{ id: topicId, name: '児童手当', slotMinutes: 30 }] }] });
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          bookPublicly(server.url, { departmentId, topicId, kioskId: i % 2 ? world.kioskId : world.otherKioskId, startsAt: '2030-04-04T10:00:00+09:00', email: `race${i}@example.jp` }),
        ),
      );
      assert.deepEqual(attempts.map((a) => a.status).sort(), [201, ...Array(11).fill(409)].sort());
      const rows: { n: string }[] = await server.db.dataSource.query(`SELECT count(*) AS n FROM appointment WHERE starts_at = '2030-04-04T01:00:00Z' AND status = 'scheduled'`);
      assert.equal(Number(rows[0]?.n), 1);
    });
  });
}
