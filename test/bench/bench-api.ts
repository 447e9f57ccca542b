/**
 * bench:api — report queries over 100,000 past consultations and appointment booking
 * throughput, through the real REST API on the embedded PostgreSQL (or DATABASE_URL).
 */
import type { Department } from '@madoguchi/contract/departments';
import type { KioskRegistered } from '@madoguchi/contract/kiosks';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startTestServer } from '../helpers/start-server';
import { percentile, writeBenchSection } from './bench-docs';
import { benchBooking } from './bench-booking';

const CONSULTATIONS = Number(process.env['BENCH_CONSULTATIONS'] ?? 100_000);
const REPORT_RUNS = 30;
const BOOKINGS = 400;

async function main(): Promise<void> {
  const database = process.env['DATABASE_URL'] ? 'postgres' : 'embedded';
  const server = await startTestServer({
    database,
    // The bench books from one address: the public page's abuse limits would stop it.
    bookingLimits: { perAddress: { name: 'bench-addr', attempts: 1_000_000, windowSeconds: 60 }, perContact: { name: 'bench-contact', attempts: 1_000_000, windowSeconds: 60 } },
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const departments: string[] = [];
    for (const code of ['kosodate', 'fukushi', 'zeimu', 'nenkin', 'shimin']) {
      departments.push(expectStatus(await admin.call<Department>('createDepartment', { body: { code, name: code } }), 201).id);
    }
    const kiosks = [(await server.app.repositories.kiosks.findByName('中央図書館 相談窓口'))?.id ?? ''];
    for (const name of ['北支所', '南センター']) {
      kiosks.push(expectStatus(await admin.call<KioskRegistered>('createKiosk', { body: { name, location: name } }), 201).kiosk.id);
    }

    const seedStart = performance.now();
    await server.db.dataSource.query(
      `INSERT INTO consultation_session (kiosk_id, staff_id, queued_at, answered_at, ended_at, end_reason, department_id, satisfaction)
       SELECT ($1::uuid[])[1 + g % 3], s.id, q, q + w, q + w + d, 'completed', ($2::uuid[])[1 + g % 5],
              CASE WHEN g % 3 = 0 THEN NULL ELSE 1 + g % 5 END
         FROM generate_series(1, $3::int) g
         CROSS JOIN LATERAL (SELECT now() - interval '365 days' + (g * interval '1 second' * (365 * 86400 / $3::int)) AS q,
                                    make_interval(secs => 20 + g % 600) AS w, make_interval(secs => 300 + g % 1500) AS d) t
         CROSS JOIN (SELECT id FROM staff_user WHERE login_id = 'demo-staff') s`,
      [kiosks, departments, CONSULTATIONS],
    );
    await server.db.dataSource.query(`ANALYZE`);
    const seedMs = performance.now() - seedStart;
    process.stdout.write(`seeded ${CONSULTATIONS} consultations in ${(seedMs / 1000).toFixed(1)} s\n`);

    const today = new Date().toISOString().slice(0, 10);
    const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const queries: [string, Record<string, string>][] = [
      ['day × department, 31 days', { from: daysAgo(30), to: today, granularity: 'day', groupBy: 'department' }],
      ['week × kiosk, 13 weeks', { from: daysAgo(90), to: today, granularity: 'week', groupBy: 'kiosk' }],
      ['month, whole year', { from: daysAgo(365), to: today, granularity: 'month', groupBy: 'none' }],
      ['month × department, whole year', { from: daysAgo(365), to: today, granularity: 'month', groupBy: 'department' }],
    ];
    const lines = ['| report query | p50 ms | p95 ms |', '|---|---|---|'];
    for (const [label, query] of queries) {
      const times: number[] = [];
      for (let run = 0; run < REPORT_RUNS; run += 1) {
        const started = performance.now();
        expectStatus(await admin.call('report', { query }), 200);
        times.push(performance.now() - started);
      }
      lines.push(`| ${label} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
    }
    const csvTimes: number[] = [];
    for (let run = 0; run < 10; run += 1) {
      const started = performance.now();
      expectStatus(await admin.call('reportCsv', { query: { from: daysAgo(365), to: today, granularity: 'day', groupBy: 'department' } }), 200);
      csvTimes.push(performance.now() - started);
    }
    lines.push(`| CSV export, day × department, whole year | ${percentile(csvTimes, 50).toFixed(1)} | ${percentile(csvTimes, 95).toFixed(1)} |`);

    // Bookings: distinct 15-minute slots on three kiosks, 8 requests in flight.
    const base = Date.parse('2031-01-06T00:00:00Z');
    let next = 0;
    const bookStart = performance.now();
    const worker = async (): Promise<void> => {
      for (;;) {
        const i = next++;
        if (i >= BOOKINGS) return;
        const startsAt = new Date(base + Math.floor(i / 3) * 15 * 60_000);
        expectStatus(
          await admin.call('createAppointment', {
            body: {
              departmentId: departments[i % 5],
              kioskId: kiosks[i % 3],
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 15 * 60_000).toISOString(),
              residentName: `住民 ${i}`,
            },
          }),
          201,
        );
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const perSecond = BOOKINGS / ((performance.now() - bookStart) / 1000);
    const bookingLines = await benchBooking(server, admin, departments[0] ?? '');
    const workerStats = await server.sfu.stats();
    const workerPeakMb = Math.max(...workerStats.workers.map((w) => w.maxRssKb)) / 1024;
    const memory = `Peak RSS: server process ${(peakRss / 1024 / 1024).toFixed(0)} MB (includes the bench harness and its HTTP client, same process), mediasoup worker ${workerPeakMb.toFixed(0)} MB (idle in this bench).`;
    const table = lines.join('\n');
    const bookingLine = `Appointments created: ${BOOKINGS} through POST /api/appointments with 8 in flight: **${perSecond.toFixed(0)} per second** (each one an exclusion-constraint check, a code draw, a history row and an audit row).`;
    process.stdout.write(`\n${table}\n\n${bookingLine}\n\n${bookingLines.join('\n')}\n${memory}\n`);
    writeBenchSection('api', [
      '## bench:api',
      '',
      `\`npm run bench:api\` — ${CONSULTATIONS.toLocaleString('en')} past consultations over a year, ${database === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'}, ${REPORT_RUNS} runs per query through the REST API on loopback, ${new Date().toISOString().slice(0, 10)}. Goal: report p95 under 200 ms.`,
      '',
      table,
      '',
      bookingLine,
      '',
      ...bookingLines,
      '',
      memory,
    ]);
  } finally {
    clearInterval(sampler);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
