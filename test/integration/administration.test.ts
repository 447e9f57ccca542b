import assert from 'node:assert/strict';
import { createMember } from '../fixtures/members';
import { after, before, describe, it } from 'node:test';
import { API_ROUTES } from '@madoguchi/contract/api-routes';
import type { AuditEntry } from '@madoguchi/contract/audit';
import type { CallContext } from '@madoguchi/contract/call-context';
import type { ConsultationDetail, ConsultationRecord } from '@madoguchi/contract/consultation';
import type { KioskRegistered, KioskSummary, PairKioskResponse, PairingCode } from '@madoguchi/contract/kiosks';
import type { Page } from '@madoguchi/contract/pagination';
import type { LoginResponse } from '@madoguchi/contract/rest';
import type { StaffCredentialsIssued, StaffMember } from '@madoguchi/contract/staff';
import { kioskToken, loginStaff, postJson } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('administration: staff, kiosks, pairing, records and the route table', () => {
  let server: TestServer;
  let admin: RestClient;

  before(async () => {
    server = await startTestServer();
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
  });
  after(() => server.close());

  it('invites a member with a one-time password that must be changed', async () => {
    const issued = expectStatus(await admin.call<StaffCredentialsIssued>('createStaff', { body: { loginId: 'tanaka', displayName: '田中' } }), 201);
    assert.equal(issued.member.mustChangePassword, true);
    const login = await loginStaff(server.url, 'tanaka', issued.temporaryPassword);
    assert.equal(login.user.mustChangePassword, true);
    const member = restClient(server.url, login.accessToken);
    const weak = await member.call('changePassword', { body: { currentPassword: issued.temporaryPassword, newPassword: 'short' } });
    assert.equal(weak.status, 400);
    expectStatus(await member.call('changePassword', { body: { currentPassword: issued.temporaryPassword, newPassword: 'a-long-new-password' } }), 204);
    const again = await loginStaff(server.url, 'tanaka', 'a-long-new-password');
    assert.equal(again.user.mustChangePassword, false);
    const duplicate = await admin.call('createStaff', { body: { loginId: 'tanaka', displayName: '別人' } });
    assert.equal(duplicate.status, 409);
  });

  it('deactivating a member refuses their token at once and cuts their socket', async () => {
    const member = await createMember(server.url, admin, { loginId: 'leaving', departmentIds: [] });
    const socket = await connectSocket(server.url, member.token);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expectStatus(await admin.call<StaffMember>('updateStaff', { params: { id: member.id }, body: { active: false } }), 200);
    await disconnected;
    assert.equal((await restClient(server.url, member.token).call('me')).status, 401);
    const relogin = await postJson(`${server.url}/api/auth/login`, { loginId: 'leaving', password: member.password });
    assert.equal(relogin.status, 401);
    const self = (await admin.call<StaffMember>('me')).body as unknown as { id: string };
    const selfDemote = await admin.call('updateStaff', { params: { id: self.id }, body: { role: 'staff' } });
    assert.equal(selfDemote.status, 409, 'an admin cannot lock themselves out');
  });

  it('registers a kiosk, pairs it once with its code, and revokes it', async () => {
    const registered = expectStatus(
      await admin.call<KioskRegistered>('createKiosk', { body: { name: '東出張所', location: '東出張所 1階', address: '東町2-1' } }),
      201,
    );
    assert.match(registered.pairing.code, /^\d{8}$/);
    assert.equal(registered.kiosk.paired, false);
    assert.equal(registered.kiosk.status, 'offline');
    const paired = await postJson(`${server.url}/api/kiosk/pair`, { code: registered.pairing.code });
    assert.equal(paired.status, 200);
    const { credential } = paired.body as PairKioskResponse;
    const reuse = await postJson(`${server.url}/api/kiosk/pair`, { code: registered.pairing.code });
    assert.equal(reuse.status, 404, 'a pairing code works once');
    const token = await kioskToken(server.url, credential);
    const config = expectStatus(await restClient(server.url, token.accessToken).call<{ kiosk: { name: string } }>('kioskConfig'), 200);
    assert.equal(config.kiosk.name, '東出張所');
    const socket = await connectSocket(server.url, token.accessToken);
    expectOk(await request(socket, 'heartbeat', {}));
    const online = expectStatus(await admin.call<KioskSummary[]>('listKiosks'), 200).find((k) => k.id === registered.kiosk.id);
    assert.equal(online?.status, 'online');
    assert.equal(online?.paired, true);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expectStatus(await admin.call('revokeKiosk', { params: { id: registered.kiosk.id } }), 200);
    await disconnected;
    const refused = await postJson(`${server.url}/api/kiosk/token`, { credential });
    assert.equal(refused.status, 401, 'a revoked kiosk cannot get a token');
    // Re-pairing a revoked kiosk brings it back with a new credential.
    const code = expectStatus(await admin.call<PairingCode>('issuePairingCode', { params: { id: registered.kiosk.id } }), 200);
    const repaired = await postJson(`${server.url}/api/kiosk/pair`, { code: code.code });
    assert.equal(repaired.status, 200);
  });

  it('rate-limits pairing-code guessing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await postJson(`${server.url}/api/kiosk/pair`, { code: String(10_000_000 + i) })).status);
    assert.ok(statuses.slice(0, 8).every((s) => s === 404));
    assert.equal(statuses.at(-1), 429);
  });

  it('records an outcome and a survey rating on the consultation, with its event timeline', async () => {
    const staffLogin: LoginResponse = await loginStaff(server.url, 'demo-staff', 'test-password');
    const kioskAuth = await kioskToken(server.url, server.demo.kioskCredential);
    const kiosk = await connectSocket(server.url, kioskAuth.accessToken);
    const staff = await connectSocket(server.url, staffLogin.accessToken);
    try {
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', { language: 'vi' }));
      expectOk(await request(staff, 'acceptCall', { consultationId }));
      // The call view's context: for the member who answered (and admins), not for a colleague.
      const context = expectStatus(await restClient(server.url, staffLogin.accessToken).call<CallContext>('getCallContext', { params: { id: consultationId } }), 200);
      assert.deepEqual({ kind: context.kind, language: context.language, resident: context.resident, history: context.history }, { kind: 'walk_in', language: 'vi', resident: null, history: [] });
      const colleague = expectStatus(await admin.call<StaffCredentialsIssued>('createStaff', { body: { loginId: 'colleague', displayName: '同僚' } }), 201);
      const firstLogin = restClient(server.url, (await loginStaff(server.url, 'colleague', colleague.temporaryPassword)).accessToken);
      expectStatus(await firstLogin.call('changePassword', { body: { currentPassword: colleague.temporaryPassword, newPassword: 'a-colleague-password' } }), 204);
      const colleagueApi = restClient(server.url, (await loginStaff(server.url, 'colleague', 'a-colleague-password')).accessToken);
      assert.equal((await colleagueApi.call('getCallContext', { params: { id: consultationId } })).status, 404, 'a colleague who did not answer gets nothing');
      expectStatus(await admin.call<CallContext>('getCallContext', { params: { id: consultationId } }), 200);
      const ended = nextEvent(kiosk, 'callEnded');
      expectOk(await request(staff, 'hangUp', { consultationId }));
      await ended;
      expectOk(await request(kiosk, 'submitSurvey', { consultationId, rating: 4 }));
      const twice = await request(kiosk, 'submitSurvey', { consultationId, rating: 1 });
      assert.equal(twice.ok, false, 'one rating per consultation');
      const asStaff = restClient(server.url, staffLogin.accessToken);
      const recorded = expectStatus(
        await asStaff.call<ConsultationRecord>('recordOutcome', { params: { id: consultationId }, body: { outcomeCode: 'follow_up', notes: '書類を郵送' } }),
        200,
      );
      assert.equal(recorded.outcomeCode, 'follow_up');
      assert.equal(recorded.satisfaction, 4);
      assert.equal(recorded.kind, 'walk_in');
      const detail = expectStatus(await admin.call<ConsultationDetail>('getConsultation', { params: { id: consultationId } }), 200);
      assert.deepEqual(detail.events.map((e) => e.type), ['queued', 'answered', 'ended']);
      const list = expectStatus(await admin.call<Page<ConsultationRecord>>('listConsultations', { query: { outcomeCode: 'follow_up' } }), 200);
      assert.deepEqual(list.items.map((s) => s.id), [consultationId]);
      const audit = expectStatus(await admin.call<Page<AuditEntry>>('listAudit', { query: { action: 'session_viewed' } }), 200);
      assert.ok(audit.items.some((a) => a.targetId === consultationId), 'viewing a record is audited');
    } finally {
      kiosk.disconnect();
      staff.disconnect();
    }
  });

  it("shows staff only their departments' waiting residents (and the general counter)", async () => {
    const a = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'scope-a', name: '福祉課' } }), 201);
    const b = expectStatus(await admin.call<{ id: string }>('createDepartment', { body: { code: 'scope-b', name: '税務課' } }), 201);
    const scoped = await connectSocket(server.url, (await createMember(server.url, admin, { loginId: 'scoped', departmentIds: [a.id] })).token);
    const everyone = await connectSocket(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
    const unassigned = await connectSocket(server.url, (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken);
    const kiosk = await connectSocket(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    try {
      const pushed = nextEvent(scoped, 'queueUpdated');
      const place = nextEvent(kiosk, 'queuePosition');
      const { consultationId } = expectOk(await request(kiosk, 'callStaff', { departmentId: b.id }));
      const [position] = await place;
      assert.equal(position.consultationId, consultationId);
      assert.equal(position.position, 1, 'the kiosk hears its place in the queue');
      assert.deepEqual((await pushed)[0], [], 'the live update leaves out another department');
      assert.deepEqual(expectOk(await request(scoped, 'getQueue', {})), []);
      assert.deepEqual(expectOk(await request(everyone, 'getQueue', {})).map((e) => e.consultationId), [consultationId], 'admins see all');
      assert.deepEqual(expectOk(await request(unassigned, 'getQueue', {})), [], 'a member of no department sees the general counter only');
      expectOk(await request(kiosk, 'cancelCall', { consultationId }));
      const general = expectOk(await request(kiosk, 'callStaff', {}));
      assert.deepEqual(expectOk(await request(scoped, 'getQueue', {})).map((e) => e.consultationId), [general.consultationId], 'the general counter is for everyone');
      expectOk(await request(kiosk, 'cancelCall', { consultationId: general.consultationId }));
    } finally {
      scoped.disconnect();
      everyone.disconnect();
      unassigned.disconnect();
      kiosk.disconnect();
    }
  });

  it('walks the permission table: every route refuses callers it does not list', async () => {
    const staffToken = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
    const kioskTokenValue = (await kioskToken(server.url, server.demo.kioskCredential)).accessToken;
    const callers = { public: undefined, staff: staffToken, admin: undefined as string | undefined, kiosk: kioskTokenValue };
    callers.admin = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    const someId = '6f1c2b1e-1111-4111-8111-111111111111';
    for (const [key, spec] of Object.entries(API_ROUTES)) {
      for (const [caller, token] of Object.entries(callers)) {
        if ((spec.access as readonly string[]).includes(caller) || (spec.access as readonly string[]).includes('public')) continue;
        const response = await restClient(server.url, token).call(key as keyof typeof API_ROUTES, { params: { id: someId } });
        const expected = caller === 'public' ? 401 : 403;
        assert.equal(response.status, expected, `${key} as ${caller}: ${response.status}`);
      }
    }
  });

  it('publishes an OpenAPI document covering every route', async () => {
    const doc = expectStatus(
      await restClient(server.url).call<{ openapi: string; paths: Record<string, Record<string, { operationId: string; deprecated?: boolean }>> }>('openapi'),
      200,
    );
    assert.equal(doc.openapi, '3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    assert.deepEqual(new Set(operations.filter((op) => !op.deprecated).map((op) => op.operationId)), new Set(Object.keys(API_ROUTES)));
    // The paths from before issue 15's rename are deprecated aliases of routes of the table, nothing else.
    for (const op of operations.filter((o) => o.deprecated)) assert.ok(op.operationId.replace(/Legacy$/, '') in API_ROUTES, op.operationId);
    const create = doc.paths['/api/appointments']?.['post'] as unknown as { requestBody: { content: { 'application/json': { schema: { required: string[] } } } } };
    assert.ok(create.requestBody.content['application/json'].schema.required.includes('startsAt'));
  });
});
