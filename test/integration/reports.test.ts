import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import type { Report } from '@madoguchi/contract/reports';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';

/**
 * Hand-computed fixtures. Times are Japan time; the test process runs with TZ=UTC, so a
 * consultation at 00:10 JST on 2 May is still 1 May on the host's clock and must count on 2 May.
 */
const A_CONSULTATIONS = [
  // department, queued (JST), wait s (null = never answered), duration s, rating, booked
  { dept: 'A', queued: '2030-05-01T09:00:00+09:00', wait: 60, duration: 600, rating: 5, booked: false },
  { dept: 'A', queued: '2030-05-01T10:00:00+09:00', wait: 120, duration: 300, rating: 3, booked: false },
  // Crosses midnight: queued 23:50, answered 23:55, ended 00:20 on 2 May. Counts on 1 May.
  { dept: 'B', queued: '2030-05-01T23:50:00+09:00', wait: 300, duration: 1500, rating: null, booked: false },
  { dept: 'B', queued: '2030-05-02T00:10:00+09:00', wait: null, duration: 200, rating: null, booked: false },
  { dept: 'A', queued: '2030-05-02T13:55:00+09:00', wait: 300, duration: 1800, rating: 4, booked: true },
] as const;

const APPOINTMENTS = [
  { dept: 'A', starts: '2030-05-02T14:00:00+09:00', status: 'completed' },
  { dept: 'B', starts: '2030-05-02T15:00:00+09:00', status: 'no_show' },
  { dept: 'A', starts: '2030-05-02T16:00:00+09:00', status: 'cancelled' },
] as const;

for (const kind of databaseKinds()) {
  describe(`report arithmetic (${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let admin: RestClient;
    const departmentIds: Record<'A' | 'B', string> = { A: '', B: '' };

    before(async () => {
      server = await startTestServer({ database: kind });
      const login = await loginStaff(server.url, 'demo-admin', 'test-password');
      admin = restClient(server.url, login.accessToken);
      departmentIds.A = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'dept-a', name: '子育て支援課' } }), 201).id;
      // A hostile name: the CSV must not let Excel run it.
      departmentIds.B = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'dept-b', name: "=cmd|'/C calc'!A0" } }), 201).id;
      const kiosk = await server.app.repositories.kiosks.findByName('中央図書館 相談窓口');
      const db = server.db.dataSource;
      const appointmentIds: string[] = [];
      for (const a of APPOINTMENTS) {
        const rows: { id: string }[] = await db.query(
          `INSERT INTO appointment (status, department_id, kiosk_id, starts_at, ends_at, resident_name, check_in_code)
           VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '30 minutes', '住民', '123456') RETURNING id`,
          [a.status, departmentIds[a.dept], kiosk?.id, a.starts],
        );
        appointmentIds.push(rows[0]?.id ?? '');
      }
      for (const s of A_CONSULTATIONS) {
        const queued = new Date(s.queued);
        const answered = s.wait === null ? null : new Date(queued.getTime() + s.wait * 1000);
        const ended = new Date((answered ?? queued).getTime() + s.duration * 1000);
        await db.query(
          `INSERT INTO consultation_session (kiosk_id, staff_id, queued_at, answered_at, ended_at, end_reason, department_id, appointment_id, satisfaction)
           VALUES ($1, (SELECT id FROM staff_user WHERE login_id = 'demo-staff' AND $3::timestamptz IS NOT NULL), $2, $3, $4, $5, $6, $7, $8)`,
          [kiosk?.id, queued, answered, ended, answered ? 'completed' : 'resident_left', departmentIds[s.dept], s.booked ? appointmentIds[0] : null, s.rating],
        );
      }
    });
    after(() => server.close());

    const report = async (query: Record<string, string>): Promise<Report> =>
      expectStatus(await admin.call<Report>('report', { query }), 200);

    it('counts per Japan day, with waits, p90, durations, no-shows and ratings', async () => {
      const r = await report({ from: '2030-05-01', to: '2030-05-02', granularity: 'day' });
      assert.deepEqual(r.rows.map((row) => row.period), ['2030-05-01', '2030-05-02']);
      const [may1, may2] = r.rows;
      assert.deepEqual(
        { ...may1, satisfaction: [...(may1?.satisfaction ?? [])] },
        {
          period: '2030-05-01', groupId: null, groupName: null, consultations: 3, booked: 0, walkIn: 3, answered: 3, abandoned: 0, mediaFailed: 0, tcpFallback: 0, residentAbsent: 0,
          appointments: 0, noShows: 0, noShowRate: null, meanWaitSeconds: 160, p90WaitSeconds: 264, meanDurationSeconds: 800,
          satisfaction: [0, 0, 1, 0, 1], satisfactionMean: 4,
        },
      );
      assert.equal(may2?.consultations, 2);
      assert.equal(may2?.booked, 1);
      assert.equal(may2?.abandoned, 1);
      assert.equal(may2?.appointments, 2, 'cancelled bookings do not count');
      assert.equal(may2?.noShows, 1);
      assert.equal(may2?.noShowRate, 0.5);
      assert.equal(may2?.meanWaitSeconds, 300);
      assert.equal(may2?.meanDurationSeconds, 1800);
      assert.equal(r.totals.consultations, 5);
      assert.equal(r.totals.meanWaitSeconds, 195);
      assert.equal(r.totals.p90WaitSeconds, 300);
      assert.equal(r.totals.meanDurationSeconds, 1050);
      assert.deepEqual(r.totals.satisfaction, [0, 0, 1, 1, 1]);
      assert.equal(r.totals.satisfactionMean, 4);
      const byHour = Object.fromEntries(r.consultationsByHour.map((n, hour) => [hour, n]).filter(([, n]) => n !== 0));
      assert.deepEqual(byHour, { 0: 1, 9: 1, 10: 1, 13: 1, 23: 1 }, 'hours are Japan hours');
    });

    it('cuts ranges on Japan days, not on the host time zone', async () => {
      const r = await report({ from: '2030-05-02', to: '2030-05-02' });
      assert.equal(r.totals.consultations, 2, 'the 23:50 consultation of 1 May stays on 1 May though it ended on 2 May');
    });

    it('rolls up weeks from Monday and months, and groups by department', async () => {
      const week = await report({ from: '2030-04-29', to: '2030-05-05', granularity: 'week' });
      assert.deepEqual(week.rows.map((row) => [row.period, row.consultations]), [['2030-04-29', 5]]);
      const month = await report({ from: '2030-05-01', to: '2030-05-31', granularity: 'month' });
      assert.deepEqual(month.rows.map((row) => [row.period, row.consultations, row.noShows]), [['2030-05-01', 5, 1]]);
      const grouped = await report({ from: '2030-05-01', to: '2030-05-02', groupBy: 'department' });
      const cells = grouped.rows.map((row) => [row.period, row.groupId === departmentIds.A ? 'A' : 'B', row.consultations, row.appointments, row.noShows]);
      const periods = cells.map((c) => String(c[0]));
      assert.deepEqual(periods, [...periods].sort(), 'ordered by period');
      assert.deepEqual(
        new Set(cells.map((c) => c.join('|'))),
        new Set(['2030-05-01|A|2|0|0', '2030-05-01|B|1|0|0', '2030-05-02|A|1|1|0', '2030-05-02|B|1|1|1']),
      );
    });

    it('exports CSV with a BOM that cannot run formulas', async () => {
      const csv = await admin.call('reportCsv', { query: { from: '2030-05-01', to: '2030-05-02', groupBy: 'department' } });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      assert.ok(csv.text.startsWith('\uFEFF期間,内訳,相談件数,予約,予約なし,応答,応答前終了'), "UTF-8 BOM and the screen's Japanese column names");
      assert.ok(csv.text.includes(`"'=cmd|'/C calc'!A0"`), 'a formula-looking cell is defused');
      assert.ok(!/(^|,)=/m.test(csv.text.replace(/^\uFEFF/, '')), 'no cell starts with =');
      assert.match(csv.text, /\r\n合計,,5,/);
    });

    it('refuses bad report queries with 400 and non-admins with 403', async () => {
      for (const query of [{ from: '2030-05-02', to: '2030-05-01' }, { from: 'yesterday', to: '2030-05-01' }, { from: '2020-01-01', to: '2030-01-01' }, { from: '2030-05-01', to: '2030-05-02', groupBy: 'staff; DROP TABLE x' }]) {
        assert.equal((await admin.call('report', { query })).status, 400, JSON.stringify(query));
      }
      const staff = await loginStaff(server.url, 'demo-staff', 'test-password');
      assert.equal((await restClient(server.url, staff.accessToken).call('report', { query: { from: '2030-05-01', to: '2030-05-02' } })).status, 403);
    });
  });
}
