import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { ApiKeyIssued, WebhookIssued } from '@madoguchi/contract/integrations';
import type { KioskRegistered, PairingCode } from '@madoguchi/contract/kiosks';
import type { LoginResponse } from '@madoguchi/contract/rest';
import type { StaffCredentialsIssued } from '@madoguchi/contract/staff';
import { connectParties, startCall } from '../fixtures/call-scenario';
import { createMember, pairKiosk } from '../fixtures/members';
import type { BookingRulesView } from '@madoguchi/contract/booking';
import { bookingRules, bookPublicly, saveBookingRules, topicOf } from '../fixtures/booking';
import { bookDemoKiosk, buildSchedulingWorld, halfHourSoon, type SchedulingWorld } from '../fixtures/scheduling';
import { serverForSuite } from '../fixtures/suite-server';
import { kioskToken, loginStaff, postJson } from '../helpers/api-client';
import { eventually } from '../helpers/poll';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, type TestSocket } from '../helpers/socket-client';

const PARALLEL = 20;

const tally = (statuses: (number | string)[]): Record<string, number> =>
  statuses.reduce<Record<string, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

/**
 * Each test comes from its own address (the server trusts X-Forwarded-For from loopback, as behind
 * a proxy): the losers of one race count as failed attempts of that address only.
 */
let lastOctet = 0;
const freshAddress = (): Record<string, string> => ({ 'x-forwarded-for': `198.51.100.${(lastOctet += 1)}` });

/** Twenty of the same request at once. */
const twenty = <T>(send: (i: number) => Promise<T>): Promise<T[]> => Promise.all(Array.from({ length: PARALLEL }, (_, i) => send(i)));

describe(`${PARALLEL} parallel requests on things that exist once: one winner, clear refusals, no 500, no duplicate`, () => {
  const server = serverForSuite({
    socketLimits: { requestsPerSecond: 100_000, kioskQueuePerMinute: 100_000 },
    integrations: { webhookUrls: { allowedHosts: '127.0.0.1', allowHttp: true } },
  });
  let admin: RestClient;
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await server.db.dataSource.query(sql, params))[0].n);

  const openConsultationsOfDemoKiosk = async (): Promise<string[]> =>
    (
      await server.db.dataSource.query(`SELECT id FROM consultation_session WHERE kiosk_id = $1 AND ended_at IS NULL`, [server.demo.kioskCredential.split('.')[0]])
    ).map((row: { id: string }) => row.id);

  before(async () => {
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
  });

  it('one pairing code, redeemed 20 times at once: one kiosk credential', async () => {
    const registered = expectStatus(await admin.call<KioskRegistered>('createKiosk', { body: { name: '並行支所', location: '並行支所 1階' } }), 201);
    const from = freshAddress();
    const answers = await twenty(() => postJson(`${server.url}/api/kiosk/pair`, { code: registered.pairing.code }, from));
    const counts = tally(answers.map((a) => a.status));
    assert.equal(counts[200], 1, JSON.stringify(counts));
    assert.equal(counts[500], undefined);
  });

  it('20 pairing codes issued at once for one kiosk: exactly one of them pairs it', async () => {
    const registered = expectStatus(await admin.call<KioskRegistered>('createKiosk', { body: { name: '再発行支所', location: '再発行支所 1階' } }), 201);
    const issued = await twenty(() => admin.call<PairingCode>('issuePairingCode', { params: { id: registered.kiosk.id } }));
    assert.deepEqual(tally(issued.map((a) => a.status)), { 200: PARALLEL });
    const paired = [];
    // One address per try: the pairing limit (ten wrong codes an address) is not under test here.
    for (const answer of issued) paired.push((await postJson(`${server.url}/api/kiosk/pair`, { code: answer.body.code }, freshAddress())).status);
    assert.equal(tally(paired)[200], 1, `pairing with each issued code: ${paired.join(',')}`);
  });

  it('one installer code spent 20 times at once: one installer window', async () => {
    const kiosk = await pairKiosk(server.url, admin, '設置支所');
    const { code } = expectStatus(await admin.call<PairingCode>('issueInstallerCode', { params: { id: kiosk.id } }), 200);
    const asKiosk = restClient(server.url, kiosk.token);
    const from = freshAddress();
    const answers = await twenty(() => asKiosk.call('openKioskInstaller', { body: { code }, headers: from }));
    const counts = tally(answers.map((a) => a.status));
    assert.equal(counts[200], 1, JSON.stringify(counts));
    assert.equal(counts[500], undefined);
  });

  it('one refresh token traded 20 times at once: one new pair of tokens, and the reuse ends the login (docs/security.md)', async () => {
    const login = await loginStaff(server.url, 'demo-staff', 'test-password');
    const answers = await twenty(() => postJson(`${server.url}/api/auth/refresh`, { refreshToken: login.refreshToken }));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: 1, 401: PARALLEL - 1 });
    // The staff app refreshes one at a time; a spent token used again is taken for a stolen one.
    const winner = answers.find((a) => a.status === 200)?.body as LoginResponse;
    assert.equal((await postJson(`${server.url}/api/auth/refresh`, { refreshToken: winner.refreshToken })).status, 401);
  });

  it('one login id invited 20 times at once: one member, the rest 409', async () => {
    const answers = await twenty((i) => admin.call<StaffCredentialsIssued>('createStaff', { body: { loginId: 'heiko', displayName: `並行 ${i}`, role: 'staff', departmentIds: [] } }));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 201: 1, 409: PARALLEL - 1 });
    assert.equal(await count(`SELECT count(*) AS n FROM staff_user WHERE login_id = 'heiko'`), 1);
  });

  it('one department code added 20 times at once: one department, the rest 409', async () => {
    const answers = await twenty((i) => admin.call('createDepartment', { body: { code: 'heikou', name: `並行課${i}`, icon: 'child' } }));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 201: 1, 409: PARALLEL - 1 });
    assert.equal(await count(`SELECT count(*) AS n FROM department WHERE code = 'heikou'`), 1);
  });

  it("a member's password reset 20 times at once: only one of the temporary passwords works", async () => {
    const member = expectStatus(await admin.call<StaffCredentialsIssued>('createStaff', { body: { loginId: 'reset-me', displayName: '再設定', role: 'staff', departmentIds: [] } }), 201);
    const answers = await twenty(() => admin.call<StaffCredentialsIssued>('resetStaffPassword', { params: { id: member.member.id } }));
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: PARALLEL });
    const logins = [];
    // One address per try: the login guard (five wrong passwords an address) is not under test here.
    for (const answer of answers) logins.push((await postJson(`${server.url}/api/auth/login`, { loginId: 'reset-me', password: answer.body.temporaryPassword }, freshAddress())).status);
    assert.equal(logins.filter((s) => s === 200).length, 1, `logins with each temporary password: ${logins.join(',')}`);
  });

  it('one appointment cancelled 20 times at once: one cancellation in its history and the audit log', async () => {
    const departmentId = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'torikeshi', name: '取消課', icon: 'child' } }), 201).id;
    const appointment = await bookDemoKiosk(admin, server, { departmentId, ...halfHourSoon(180), residentName: '並行 取消' });
    const answers = await twenty(() => admin.call<Appointment>('cancelAppointment', { params: { id: appointment.id }, body: {} }));
    const counts = tally(answers.map((a) => a.status));
    assert.equal(counts[200], 1, JSON.stringify(counts));
    assert.equal(counts[500], undefined);
    assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment_cancelled' AND target_id = $1`, [appointment.id]), 1);
  });

  it('one API key revoked 20 times at once: revoked once, audited once', async () => {
    const key = expectStatus(await admin.call<ApiKeyIssued>('createApiKey', { body: { name: '並行', scopes: ['appointments:read'] } }), 201);
    const answers = await twenty(() => admin.call('revokeApiKey', { params: { id: key.apiKey.id }, body: {} }));
    // Every caller is told it is revoked (the same answer as for the first), none gets a 500.
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: PARALLEL });
    assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'api_key_revoked' AND target_id = $1`, [key.apiKey.id]), 1);
  });

  it('one kiosk revoked 20 times at once: revoked once, audited once', async () => {
    const kiosk = await pairKiosk(server.url, admin, '廃止支所');
    const answers = await twenty(() => admin.call('revokeKiosk', { params: { id: kiosk.id }, body: {} }));
    // Every caller is told it is revoked (the same answer as for the first), none gets a 500.
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: PARALLEL });
    assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'kiosk_revoked' AND target_id = $1`, [kiosk.id]), 1);
  });

  it('one webhook disabled 20 times at once: disabled once, audited once', async () => {
    const hook = expectStatus(await admin.call<WebhookIssued>('createWebhook', { body: { url: 'http://127.0.0.1:9/hook', events: ['appointment.booked'] } }), 201);
    const answers = await twenty(() => admin.call('disableWebhook', { params: { id: hook.endpoint.id }, body: {} }));
    // Every caller is told it is revoked (the same answer as for the first), none gets a 500.
    assert.deepEqual(tally(answers.map((a) => a.status)), { 200: PARALLEL });
    assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'webhook_disabled' AND target_id = $1`, [hook.endpoint.id]), 1);
  });

  it("a member's departments changed 20 times at once: their open console ends with the scope the database has", async () => {
    const [a, b] = await Promise.all(
      ['bumon-a', 'bumon-b'].map(async (code) => expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code, name: `${code}課`, icon: 'child' } }), 201).id),
    );
    const member = await createMember(server.url, admin, { loginId: 'idou', departmentIds: [a ?? ''] });
    const consoleSocket = await connectSocket(server.url, member.token);
    const kioskB = await connectSocket(server.url, (await pairKiosk(server.url, admin, '部門B支所')).token);
    try {
      // A resident waits for department B: the member sees them exactly when the database says they are in B.
      const { consultationId } = expectOk(await request(kioskB, 'callStaff', { departmentId: b }));
      const answers = await twenty((i) => admin.call('updateStaff', { params: { id: member.id }, body: { departmentIds: [i % 2 === 0 ? (a ?? '') : (b ?? '')] } }));
      assert.deepEqual(tally(answers.map((r) => r.status)), { 200: PARALLEL }, answers.filter((r) => r.status !== 200).map((r) => r.text.slice(0, 120)).join(' '));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [{ ids }] = await server.db.dataSource.query(`SELECT array_agg(department_id) AS ids FROM staff_department WHERE staff_id = $1`, [member.id]);
      const queue = expectOk(await request(consoleSocket, 'getQueue', {}));
      const seesResident = queue.some((entry) => entry.consultationId === consultationId);
      assert.equal(seesResident, (ids as string[]).includes(b ?? ''), `database: ${JSON.stringify(ids)}; console sees the B resident: ${seesResident}`);
      expectOk(await request(kioskB, 'cancelCall', { consultationId }));
    } finally {
      consoleSocket.close();
      kioskB.close();
    }
  });

  it('one check-in code typed 20 times at once on its kiosk: one resident queued', async () => {
    const departmentId = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'uketsuke', name: '受付課', icon: 'child' } }), 201).id;
    const appointment = await bookDemoKiosk(admin, server, { departmentId, ...halfHourSoon(20), residentName: '並行 受付' });
    const kiosk: TestSocket = await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    try {
      const acks = await twenty(() => request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
      const codes = tally(acks.map((a) => (a.ok ? 'OK' : a.error.code)));
      assert.equal(codes['OK'], 1, JSON.stringify(codes));
      assert.equal(codes['INTERNAL'], undefined, JSON.stringify(codes));
      assert.equal(await count(`SELECT count(*) AS n FROM consultation_session WHERE appointment_id = $1`, [appointment.id]), 1);
      const winner = acks.find((a) => a.ok);
      if (winner?.ok) expectOk(await request(kiosk, 'cancelCall', { consultationId: winner.data.consultationId }));
    } finally {
      kiosk.close();
    }
  });

  it('one kiosk calling 20 times at once: one consultation queued', async () => {
    const parties = await connectParties(server);
    try {
      const acks = await twenty(() => request(parties.kiosk, 'callStaff', {}));
      const codes = tally(acks.map((a) => (a.ok ? 'OK' : a.error.code)));
      assert.equal(codes['INTERNAL'], undefined, JSON.stringify(codes));
      const ids = new Set(acks.flatMap((a) => (a.ok ? [a.data.consultationId] : [])));
      assert.equal(ids.size, 1, JSON.stringify(codes));
      const kioskId = server.demo.kioskCredential.split('.')[0];
      assert.equal(await count(`SELECT count(*) AS n FROM consultation_session WHERE kiosk_id = $1 AND ended_at IS NULL`, [kioskId]), 1);
      for (const id of ids) expectOk(await request(parties.kiosk, 'cancelCall', { consultationId: id }));
    } finally {
      parties.close();
    }
  });

  it('one call transferred 20 times at once: one new consultation queued for the kiosk, the others refused plainly', async () => {
    const departmentId = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'tenso', name: '転送先課', icon: 'child' } }), 201).id;
    const call = await startCall(server);
    try {
      const acks = await twenty(() => request(call.staff, 'transferCall', { consultationId: call.consultationId, departmentId }));
      const codes = tally(acks.map((a) => (a.ok ? 'OK' : a.error.code)));
      assert.deepEqual(codes, { OK: 1, INVALID_STATE: PARALLEL - 1 });
      const open = await openConsultationsOfDemoKiosk();
      assert.equal(open.length, 1, 'one consultation waits for the new department');
      // The timeline is written behind the answers: wait for the one event, then make sure no second follows.
      const transferredEvents = (): Promise<number> => count(`SELECT count(*) AS n FROM session_event WHERE session_id = $1 AND type = 'transferred'`, [call.consultationId]);
      await eventually(async () => (await transferredEvents()) >= 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await transferredEvents(), 1, 'the old record says transferred once');
    } finally {
      for (const id of await openConsultationsOfDemoKiosk()) await request(call.kiosk, 'cancelCall', { consultationId: id });
      call.close();
    }
  });

  it('a transfer racing the resident hanging up: the resident who left is not queued again at the empty kiosk', async () => {
    const departmentId = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'kyoso', name: '競走課', icon: 'child' } }), 201).id;
    const call = await startCall(server);
    // The transfer looks its department up first: hold that read so the hang-up lands in between.
    const blocker = server.db.dataSource.createQueryRunner();
    try {
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE department IN ACCESS EXCLUSIVE MODE');
      const transfer = request(call.staff, 'transferCall', { consultationId: call.consultationId, departmentId });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const hangUp = await request(call.kiosk, 'hangUp', { consultationId: call.consultationId });
      assert.equal(hangUp.ok, true, JSON.stringify(hangUp));
      await blocker.commitTransaction();
      const transferred = await transfer;
      assert.equal(!transferred.ok && transferred.error.code, 'INVALID_STATE', JSON.stringify(transferred));
      assert.deepEqual(await openConsultationsOfDemoKiosk(), [], 'nobody waits at the kiosk the resident left');
      const [record] = await server.db.dataSource.query(`SELECT end_reason FROM consultation_session WHERE id = $1`, [call.consultationId]);
      assert.equal(record.end_reason, 'resident_left');
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      for (const id of await openConsultationsOfDemoKiosk()) await request(call.kiosk, 'cancelCall', { consultationId: id });
      call.close();
    }
  });

  it('a call hung up 20 times at once from both sides: ended once, one reason, one callEnded each', async () => {
    const call = await startCall(server);
    try {
      const ended: unknown[] = [];
      call.kiosk.on('callEnded', (payload) => ended.push(payload));
      const acks = await twenty((i) => request(i % 2 === 0 ? call.staff : call.kiosk, 'hangUp', { consultationId: call.consultationId }));
      const codes = tally(acks.map((a) => (a.ok ? 'OK' : a.error.code)));
      assert.equal(codes['INTERNAL'], undefined, JSON.stringify(codes));
      assert.ok((codes['OK'] ?? 0) >= 1, JSON.stringify(codes));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(ended.length, 1, `the kiosk was told ${ended.length} times`);
      await eventually(async () => (await count(`SELECT count(*) AS n FROM session_event WHERE session_id = $1 AND type = 'ended'`, [call.consultationId])) >= 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await count(`SELECT count(*) AS n FROM session_event WHERE session_id = $1 AND type = 'ended'`, [call.consultationId]), 1, 'the record says ended once');
    } finally {
      call.close();
    }
  });
});

describe(`${PARALLEL} parallel changes of one booking through its private link: one change, one mail`, () => {
  const clock = { now: new Date('2030-04-01T09:30:00+09:00') };
  // The outbox is written only where mail is configured; nothing here sends it (the sender runs on its own clock).
  const server = serverForSuite({
    now: () => clock.now,
    mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'まどぐち <no-reply@example.jp>' },
    bookingLimits: { proofBits: 8 },
  });
  let world: SchedulingWorld;
  let rules: BookingRulesView;
  const target = () => ({ departmentId: world.departments[0]?.id ?? '', topicId: topicOf(rules), kioskId: world.kioskId });
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await server.db.dataSource.query(sql, params))[0].n);
  const appointmentOf = async (email: string): Promise<string> => (await server.db.dataSource.query(`SELECT id FROM appointment WHERE contact_email = $1`, [email]))[0].id;

  before(async () => {
    world = await buildSchedulingWorld(server);
    rules = await saveBookingRules(world, bookingRules(world));
  });

  it('the booking rules saved 20 times at once: every save answered 200, one set of rules and topics in the end', async () => {
    const body = bookingRules(world);
    const answers = await twenty(() => world.admin.call('updateBookingRules', { body }));
    const counts = tally(answers.map((a) => a.status));
    assert.deepEqual(counts, { 200: PARALLEL }, JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.text.slice(0, 200))));
    const view = expectStatus(await world.admin.call<BookingRulesView>('getBookingRules'), 200);
    assert.equal(view.departments.filter((d) => d.bookable).length, 1);
    assert.equal(view.departments[0]?.topics.length, 1, 'one live topic, not one per save');
    rules = view;
  });

  it('moved to the same new time 20 times at once: one reschedule in its history, one 「予約を変更しました」 mail', async () => {
    const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-02T10:00:00+09:00', email: 'move-race@example.jp' }), 201);
    const resident = restClient(server.url);
    const answers = await twenty(() => resident.call('movePublicBooking', { params: { token: created.manageToken }, body: { startsAt: '2030-04-03T14:00:00+09:00' } }));
    const counts = tally(answers.map((a) => a.status));
    assert.equal(counts[500], undefined, JSON.stringify(counts));
    assert.equal(counts[200], PARALLEL, `moving to where it already is answers the booking as it is: ${JSON.stringify(counts)}`);
    const id = await appointmentOf('move-race@example.jp');
    assert.equal(await count(`SELECT count(*) AS n FROM appointment_change WHERE appointment_id = $1 AND action = 'rescheduled'`, [id]), 1);
    assert.equal(await count(`SELECT count(*) AS n FROM outbox_message WHERE appointment_id = $1 AND kind = 'moved'`, [id]), 1);
  });

  it('cancelled 20 times at once: one cancellation, one mail, the others told it can no longer be changed', async () => {
    const created = expectStatus(await bookPublicly(server.url, { ...target(), startsAt: '2030-04-02T11:00:00+09:00', email: 'cancel-race@example.jp' }), 201);
    const resident = restClient(server.url);
    const answers = await twenty(() => resident.call('cancelPublicBooking', { params: { token: created.manageToken } }));
    const counts = tally(answers.map((a) => a.status));
    assert.equal(counts[200], 1, JSON.stringify(counts));
    assert.equal(counts[500], undefined, JSON.stringify(counts));
    assert.equal(await count(`SELECT count(*) AS n FROM outbox_message WHERE appointment_id = $1 AND kind = 'cancelled'`, [await appointmentOf('cancel-race@example.jp')]), 1);
  });
});
