import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ConsultationListItem, ConsultationDetail } from '@madoguchi/contract/consultation';
import type { Page } from '@madoguchi/contract/pagination';
import type { Department } from '@madoguchi/contract/departments';
import type { Report } from '@madoguchi/contract/reports';
import { TransferLegsSchema1766100000000 } from '../../server/src/db/migrations/transfer-legs-schema';
import { createMember } from '../fixtures/members';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';
import { databaseKinds } from '../helpers/test-database';
import { jstToday } from '@madoguchi/contract/japan-time';

for (const kind of databaseKinds()) {
  describe(`a transfer is one consultation with two legs (issue 14 item 10, ${kind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL server'})`, () => {
    let server: TestServer;
    let admin: RestClient;
    let department: Department;
    let kiosk: TestSocket;
    let counter: TestSocket;
    let counterId: string;
    let member: TestSocket;
    let firstLeg = '';
    let secondLeg = '';

    before(async () => {
      server = await startTestServer({ database: kind });
      admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
      department = expectStatus(await admin.call<Department>('createDepartment', { body: { code: 'kosodate', name: '子育て支援課', icon: 'child' } }), 201);
      const desk = await createMember(server.url, admin, { loginId: 'counter-desk', displayName: '総合 窓口係', departmentIds: [] });
      const specialist = await createMember(server.url, admin, { loginId: 'kosodate-desk', displayName: '子育 担当', departmentIds: [department.id] });
      counterId = desk.id;
      kiosk = await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
      counter = await connectSocket(server.url, desk.token);
      member = await connectSocket(server.url, specialist.token);
    });
    after(async () => {
      for (const socket of [kiosk, counter, member]) socket?.close();
      await server?.close();
    });

    it('the general counter answers, hands the resident to 子育て支援課 and records its own leg; the second desk records its leg', async () => {
      firstLeg = expectOk(await request(kiosk, 'callStaff', {})).consultationId;
      expectOk(await request(counter, 'acceptCall', { consultationId: firstLeg }));
      const moved = expectOk(await request(counter, 'transferCall', { consultationId: firstLeg, departmentId: department.id }));
      secondLeg = moved.newConsultationId;

      // The first desk's leg is waiting for its outcome (a reload offers the form again).
      const unrecorded = await server.app.repositories.consultations.latestUnrecorded(counterId, new Date(), 1800);
      assert.equal(unrecorded?.id, firstLeg);
      assert.equal(unrecorded?.reason, 'transferred');
      expectOk(await request(counter, 'saveOutcome', { consultationId: firstLeg, outcomeCode: 'referred', notes: '子育て支援課へ' }));
      assert.equal(await server.app.repositories.consultations.latestUnrecorded(counterId, new Date(), 1800), null);
      // Only the desk of a leg records that leg.
      const refused = await request(member, 'saveOutcome', { consultationId: firstLeg, outcomeCode: 'resolved', notes: '' });
      assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');

      expectOk(await request(member, 'acceptCall', { consultationId: secondLeg }));
      expectOk(await request(member, 'hangUp', { consultationId: secondLeg }));
      expectOk(await request(member, 'saveOutcome', { consultationId: secondLeg, outcomeCode: 'resolved', notes: '' }));
      expectOk(await request(kiosk, 'submitSurvey', { consultationId: secondLeg, rating: 5 }));

      const first = await server.app.repositories.consultations.findById(firstLeg);
      const second = await server.app.repositories.consultations.findById(secondLeg);
      assert.deepEqual([first?.firstLegId, first?.leg, first?.endReason, first?.outcomeCode], [firstLeg, 1, 'transferred', 'referred']);
      assert.deepEqual([second?.firstLegId, second?.leg, second?.endReason, second?.outcomeCode], [firstLeg, 2, 'staff_ended', 'resolved']);
    });

    it('the record of either leg lists both legs: department, staff member, times and outcome', async () => {
      for (const id of [firstLeg, secondLeg]) {
        const detail = expectStatus(await admin.call<ConsultationDetail>('getConsultation', { params: { id } }), 200);
        assert.deepEqual(
          detail.legs.map((l) => [l.leg, l.consultationId, l.departmentName, l.staffName, l.endReason, l.outcomeCode, l.answeredAt !== null, l.endedAt !== null]),
          [
            [1, firstLeg, null, '総合 窓口係', 'transferred', 'referred', true, true],
            [2, secondLeg, '子育て支援課', '子育 担当', 'staff_ended', 'resolved', true, true],
          ],
        );
      }
    });

    it('the records list shows the consultation once, with its departments in order and each leg\'s outcome; a department filter matches either leg', async () => {
      const today = jstToday();
      const rowsOf = (page: Page<ConsultationListItem>) =>
        page.items.map((r) => [r.id, r.status, r.endReason, r.legs.map((l) => [l.leg, l.departmentName, l.staffName, l.outcomeCode])]);
      const expected = [[firstLeg, 'ended', 'staff_ended', [[1, null, '総合 窓口係', 'referred'], [2, '子育て支援課', '子育 担当', 'resolved']]]];
      const all = expectStatus(await admin.call<Page<ConsultationListItem>>('listConsultations', { query: { from: today, to: today } }), 200);
      assert.equal(all.total, 1, 'paging counts consultations, not legs');
      assert.deepEqual(rowsOf(all), expected);
      assert.equal(all.items[0]?.satisfaction, 5, "the rating given on the last leg is the consultation's");
      // Found under the department of its second leg, and under the general counter's member of its first.
      const byDepartment = expectStatus(await admin.call<Page<ConsultationListItem>>('listConsultations', { query: { departmentId: department.id } }), 200);
      assert.deepEqual(rowsOf(byDepartment), expected);
      const byFirstDesk = expectStatus(await admin.call<Page<ConsultationListItem>>('listConsultations', { query: { staffId: counterId } }), 200);
      assert.deepEqual(rowsOf(byFirstDesk), expected);
      // The status is the consultation's: it ended when its last leg ended.
      const active = expectStatus(await admin.call<Page<ConsultationListItem>>('listConsultations', { query: { status: 'active' } }), 200);
      assert.equal(active.total, 0);
    });

    it('reports and CSV count the consultation once; per department, each department counts its own leg', async () => {
      const today = jstToday();
      const whole = expectStatus(await admin.call<Report>('report', { query: { from: today, to: today } }), 200);
      assert.deepEqual([whole.totals.consultations, whole.totals.answered, whole.totals.abandoned, whole.totals.walkIn], [1, 1, 0, 1]);
      assert.deepEqual(whole.rows.map((r) => r.consultations), [1]);
      assert.deepEqual(whole.totals.satisfaction, [0, 0, 0, 0, 1], 'rated once');
      assert.equal(whole.consultationsByHour.reduce((a, b) => a + b, 0), 1);

      const byDepartment = expectStatus(await admin.call<Report>('report', { query: { from: today, to: today, groupBy: 'department' } }), 200);
      assert.deepEqual(
        byDepartment.rows.map((r) => [r.groupName, r.consultations, r.answered]).sort(),
        [['総合窓口', 1, 1], ['子育て支援課', 1, 1]].sort(),
        'the general counter and 子育て支援課 each served one leg',
      );
      assert.equal(byDepartment.totals.consultations, 1, 'the total still counts one consultation');

      const oneDepartment = expectStatus(await admin.call<Report>('report', { query: { from: today, to: today, departmentId: department.id } }), 200);
      assert.equal(oneDepartment.totals.consultations, 1);

      const csv = await admin.call('reportCsv', { query: { from: today, to: today } });
      const totalsLine = csv.text.trim().split('\n').at(-1) ?? '';
      assert.equal(totalsLine.split(',').slice(0, 3).join(','), '合計,,1', 'the CSV totals count one consultation');
    });

    it('the migration links transfers recorded before it, following chains, and leaves pairs it cannot identify', async () => {
      const db = server.db.dataSource;
      const runner = db.createQueryRunner();
      const migration = new TransferLegsSchema1766100000000();
      try {
        await migration.down(runner);
        const kioskId = server.demo.kioskCredential.split('.')[0];
        const insert = async (minutes: number, reason: string): Promise<string> => {
          const rows: { id: string }[] = await db.query(
            `INSERT INTO consultation_session (kiosk_id, staff_id, queued_at, answered_at, ended_at, end_reason)
             VALUES ($1, (SELECT id FROM staff_user WHERE login_id = 'demo-staff'), now() - make_interval(mins => $2), now() - make_interval(mins => $2 - 1), now() - make_interval(mins => $2 - 2), $3) RETURNING id`,
            [kioskId, minutes, reason],
          );
          return rows[0]?.id ?? '';
        };
        const event = (consultationId: string, type: string, details: Record<string, string>) =>
          db.query(`INSERT INTO session_event (session_id, at, type, actor, details) VALUES ($1, now(), $2, 'staff', $3)`, [consultationId, type, JSON.stringify(details)]);
        // A chain of three legs, known from the first leg's event and from the third's.
        const [a, b, c] = [await insert(300, 'transferred'), await insert(290, 'transferred'), await insert(280, 'completed')];
        await event(a, 'transferred', { newSessionId: b }); // rename:keep: the stored key the migration reads
        await event(c, 'queued', { kind: 'walk_in', transferredFrom: b });
        // A transferred leg whose next leg left no trace: it stays a consultation of its own.
        const [lone, unrelated] = [await insert(270, 'transferred'), await insert(260, 'completed')];
        await migration.up(runner);
        const rows: { id: string; consultation_id: string | null; leg: number }[] = await db.query(
          `SELECT id, consultation_id, leg FROM consultation_session WHERE id = ANY($1::uuid[])`,
          [[a, b, c, lone, unrelated]],
        );
        const of = (id: string) => rows.find((r) => r.id === id);
        assert.deepEqual([a, b, c, lone, unrelated].map((id) => [of(id)?.consultation_id ?? null, Number(of(id)?.leg)]), [
          [null, 1],
          [a, 2],
          [a, 3],
          [null, 1],
          [null, 1],
        ]);
        // The consultation recorded through the product before the migration ran again is linked too.
        assert.deepEqual((await server.app.repositories.consultations.legsOf(secondLeg)).map((l) => l.consultationId), [firstLeg, secondLeg]);
      } finally {
        await runner.release();
      }
    });
  });
}
