/**
 * The booking part of bench:api (issue 19): free-time search over 30 days for a department
 * with 5,000 existing bookings, and residents' bookings per second with 8 in flight.
 */
import type { BookingChallenge, FreeTimes, PublicBookingRequest } from '@madoguchi/contract/booking';
import { solveChallenge } from '../../server/src/domain/proof-of-work';
import { expectStatus, restClient } from '../helpers/rest-client';
import type { TestServer } from '../helpers/start-server';
import { percentile } from './bench-docs';

const EXISTING = 5_000;
const SEARCH_RUNS = 50;
const PUBLIC_BOOKINGS = 200;

type Client = ReturnType<typeof restClient>;
const allWeek = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

/**
 * The proofs are solved in this same process, which stalls the server's event loop too; undici
 * may then reuse a keep-alive socket the server closed meanwhile. Such a request never reached
 * the server, so it is sent once more (a duplicate booking could only be refused: its challenge
 * is spent).
 */
async function retryOnce<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch {
    return send();
  }
}

export async function benchBooking(server: TestServer, admin: Client, departmentId: string): Promise<string[]> {
  // Ten kiosks carry the existing bookings; the searched kiosk and three for new bookings stay partly free.
  const kiosks: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    const rows: { id: string }[] = await server.db.dataSource.query(`INSERT INTO kiosk (name, location) VALUES ($1, $1) RETURNING id`, [`予約ベンチ ${i}`]);
    kiosks.push(rows[0]?.id ?? '');
  }
  const rules = expectStatus(
    await admin.call<{ departments: { topics: { id: string }[] }[] }>('updateBookingRules', {
      body: {
        policy: { horizonDays: 31, leadMinutes: 0, changeCutoffMinutes: 60, maxOpenPerContact: 3 },
        departments: [{ departmentId, bookable: true, capacity: 50, hours: allWeek('06:00', '22:00'), topics: [{ name: 'ベンチ', slotMinutes: 15 }] }],
        kiosks: kiosks.map((kioskId) => ({ kioskId, bookable: true, hours: allWeek('06:00', '22:00') })),
        blockedDays: [],
      },
    }),
    200,
  );
  const topicId = rules.departments[0]?.topics[0]?.id ?? '';
  const seedStart = performance.now();
  // 5,000 bookings of the department over the next 30 days, 15 minutes each, on the first eleven kiosks (the searched one among them).
  await server.db.dataSource.query(
    `INSERT INTO appointment (department_id, kiosk_id, starts_at, ends_at, resident_name, check_in_code, source)
     SELECT $1, ($2::uuid[])[1 + g % 11], t, t + interval '15 minutes', '住民 ' || g, lpad((g % 1000000)::text, 6, '0'), 'staff'
       FROM generate_series(0, $3::int - 1) g
       CROSS JOIN LATERAL (SELECT date_trunc('day', now() + interval '1 day') + interval '6 hours' - interval '9 hours'
                                  + ((g / 11) / 64) * interval '1 day' + ((g / 11) % 64) * interval '15 minutes' AS t) x`,
    [departmentId, kiosks.slice(0, 11), EXISTING],
  );
  await server.db.dataSource.query('ANALYZE appointment');
  const seeded = `seeded ${EXISTING} bookings in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`;

  // No bearer: the public routes take none, and the admin's token may run out during a long bench under load.
  const anonymous = restClient(server.url);
  const searchTimes: number[] = [];
  let offered = 0;
  for (let run = 0; run < SEARCH_RUNS; run += 1) {
    const started = performance.now();
    const result = expectStatus(await anonymous.call<FreeTimes>('publicFreeTimes', { query: { departmentId, topicId, kioskId: kiosks[0], days: 30 } }), 200);
    searchTimes.push(performance.now() - started);
    offered = result.days.reduce((n, d) => n + d.times.length, 0);
  }

  // New bookings on the three kiosks nobody booked; the proof of work is solved beforehand, as
  // a phone does before it sends, so the figure is the server's.
  const free = [];
  for (const kioskId of kiosks.slice(11)) {
    const result = expectStatus(await anonymous.call<FreeTimes>('publicFreeTimes', { query: { departmentId, topicId, kioskId, days: 30 } }), 200);
    free.push(...result.days.flatMap((d) => d.times).slice(0, PUBLIC_BOOKINGS / 2).map((t) => ({ kioskId, startsAt: t.startsAt })));
  }
  const bodies: PublicBookingRequest[] = [];
  for (let i = 0; i < PUBLIC_BOOKINGS; i += 1) {
    const slot = free[i];
    if (!slot) break;
    const issued = expectStatus(await retryOnce(() => anonymous.call<BookingChallenge>('publicBookingChallenge')), 200);
    bodies.push({ departmentId, topicId, kioskId: slot.kioskId, startsAt: slot.startsAt, residentName: `予約 ${i}`, residentKana: 'ヨヤク', email: `bench${i}@example.jp`, challenge: issued.challenge, solution: solveChallenge(issued.challenge, issued.bits) });
  }
  let next = 0;
  const statuses: number[] = [];
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      const body = bodies[next++];
      if (!body) return;
      statuses.push((await retryOnce(() => anonymous.call('createPublicBooking', { body }))).status);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const perSecond = bodies.length / ((performance.now() - started) / 1000);
  const created = statuses.filter((s) => s === 201).length;
  return [
    `Free-time search, one department over 30 days with ${EXISTING.toLocaleString('en')} existing bookings (${seeded}; ${offered} free times offered at the searched kiosk), ${SEARCH_RUNS} runs through GET /api/public/booking/free-times: p50 **${percentile(searchTimes, 50).toFixed(1)} ms**, p95 **${percentile(searchTimes, 95).toFixed(1)} ms** (goal < 100 ms).`,
    '',
    `Residents' bookings: ${bodies.length} through POST /api/public/bookings with 8 in flight: **${perSecond.toFixed(0)} per second**, ${created} created (each one a proof-of-work check and spend, two rate-limit counters, the contact cap, a free-time check, the insert under the exclusion constraint and the capacity trigger, a history row, an outbox row and an audit row; the proofs solved before the clock started).`,
  ];
}
