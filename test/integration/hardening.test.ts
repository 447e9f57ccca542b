import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Department } from '@madoguchi/contract/departments';
import type { StaffCredentialsIssued } from '@madoguchi/contract/staff';
import { pairKiosk, createMember } from '../fixtures/members';
import { loginStaff } from '../helpers/api-client';
import { expectStatus, restClient, type RestClient } from '../helpers/rest-client';
import { connectSocket, request } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

describe('hardening (issue 12, items 4, 6, 8 and 12)', () => {
  let server: TestServer;
  let admin: RestClient;

  before(async () => {
    server = await startTestServer({ publicUrl: 'https://madoguchi.city.example' });
    admin = restClient(server.url, (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken);
  });
  after(async () => {
    await server?.close();
  });

  it('bad percent-encoding, bogus Content-Encoding and control characters are a 400 in the usual shape (item 4)', async () => {
    for (const address of ['/api/consultations/%ZZ', '/kiosk/%c0%ae%c0%ae/x', '/%E0%A4%A']) {
      const response = await fetch(server.url + address);
      assert.equal(response.status, 400, address);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'BAD_REQUEST');
    }
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"loginId":"a","password":"b"}',
      });
      assert.equal(response.status, 400, encoding);
    }
    const nul = '\u0000';
    const attempts = [
      await restClient(server.url).call('login', { body: { loginId: `demo${nul}`, password: 'x' } }),
      await admin.call('createStaff', { body: { loginId: 'nul-test', displayName: `名前${nul}` } }),
      await admin.call('createKiosk', { body: { name: `端末${nul}`, location: 'x' } }),
      await admin.call('createDepartment', { body: { code: 'nul-dept', name: `課${nul}`, icon: 'tax' } }),
    ];
    assert.deepEqual(attempts.map((a) => a.status), [400, 400, 400, 400]);
  });

  it('a temporary password allows only the password change and logout, on REST and sockets (item 6)', async () => {
    const issued = expectStatus(await admin.call<StaffCredentialsIssued>('createStaff', { body: { loginId: 'temporary', displayName: '仮 パスワード' } }), 201);
    const login = await loginStaff(server.url, 'temporary', issued.temporaryPassword);
    const member = restClient(server.url, login.accessToken);
    for (const key of ['listConsultations', 'listAppointments', 'listKiosks', 'listDepartments', 'me'] as const) {
      const refused = await member.call(key);
      assert.equal(refused.status, 403, key);
      assert.equal((refused.body as { error: { code: string } }).error.code, 'PASSWORD_CHANGE_REQUIRED');
    }
    await assert.rejects(connectSocket(server.url, login.accessToken), /temporary password/);
    expectStatus(await member.call('changePassword', { body: { currentPassword: issued.temporaryPassword, newPassword: 'now-my-own-password' } }), 204);
    expectStatus(await member.call('listDepartments'), 200);
    (await connectSocket(server.url, login.accessToken)).close();
  });

  it('staff cannot answer a resident waiting for another department, even knowing the consultation id (item 8)', async () => {
    const [zeimu, kosodate] = await Promise.all(
      [['zeimu', '税務課'], ['kosodate', '子育て支援課']].map(async ([code, name]) => expectStatus(await admin.call<Department>('createDepartment', { body: { code, name, icon: 'tax' } }), 201)),
    );
    const outsider = await createMember(server.url, admin, { loginId: 'kosodate-staff', departmentIds: [kosodate?.id ?? ''] });
    const insider = await createMember(server.url, admin, { loginId: 'zeimu-staff', departmentIds: [zeimu?.id ?? ''] });
    const kiosk = await pairKiosk(server.url, admin, '東支所');
    const kioskSocket = await connectSocket(server.url, kiosk.token);
    const outsiderSocket = await connectSocket(server.url, outsider.token);
    const insiderSocket = await connectSocket(server.url, insider.token);
    try {
      const queued = await request(kioskSocket, 'callStaff', { departmentId: zeimu?.id });
      assert.ok(queued.ok);
      const refused = await request(outsiderSocket, 'acceptCall', { consultationId: queued.data.consultationId });
      assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');
      assert.ok((await request(insiderSocket, 'acceptCall', { consultationId: queued.data.consultationId })).ok, 'a member of that department answers');
    } finally {
      for (const socket of [kioskSocket, outsiderSocket, insiderSocket]) socket.close();
    }
  });

  it('sends Permissions-Policy, no-store on the API, frame-ancestors none and HSTS behind https (item 12)', async () => {
    const page = await fetch(`${server.url}/`);
    assert.match(page.headers.get('permissions-policy') ?? '', /camera=\(self\), microphone=\(self\), display-capture=\(self\)/);
    assert.match(page.headers.get('permissions-policy') ?? '', /geolocation=\(\)/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginId: 'demo-admin', password: 'test-password' }) });
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('cache-control'), 'no-store', 'a response carrying tokens is not stored');
  });
});

describe('HSTS only when PUBLIC_URL is https (item 12)', () => {
  it('plain http: no Strict-Transport-Security', async () => {
    await using server = await startTestServer();
    assert.equal((await fetch(`${server.url}/`)).headers.get('strict-transport-security'), null);
  });
});
