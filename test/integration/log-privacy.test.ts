import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Appointment } from '@madoguchi/contract/appointments';
import type { Department } from '@madoguchi/contract/departments';
import { kioskToken, loginStaff, postJson } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startLoggingServer, type LoggingServer } from '../helpers/server-process';
import { connectSocket, expectOk, request } from '../helpers/socket-client';

/**
 * The real server process at debug level, driven through login, booking, check-in and a call;
 * its whole log must hold no names, login ids, passwords, codes, credentials or tokens.
 */
describe('logs hold no personal data or secrets', () => {
  let server: LoggingServer;
  const port = 3700 + Math.floor(Math.random() * 200);
  const url = `http://127.0.0.1:${port}`;

  before(async () => {
    server = await startLoggingServer({ port, databaseUrl: '', dataDirPrefix: 'madoguchi-logs-' });
  });
  after(async () => {
    await server?.stop();
  });

  it('after logins, a failed login, booking, check-in and a call', async () => {
    const credential = readFileSync(path.join(server.dataDir, 'demo-kiosk-credential'), 'utf8').trim();
    await postJson(`${url}/api/auth/login`, { loginId: 'demo-admin', password: 'wrong-password-123' });
    const adminLogin = await loginStaff(url, 'demo-admin', 'madoguchi-demo');
    const admin = restClient(url, adminLogin.accessToken);
    const departments = expectStatus(await admin.call<Department[]>('listDepartments'), 200);
    const kioskId = credential.split('.')[0] ?? '';
    const now = Date.now();
    const appointment = expectStatus(
      await admin.call<Appointment>('createAppointment', {
        body: {
          departmentId: departments[0]?.id,
          kioskId,
          startsAt: new Date(now + 10 * 60_000).toISOString(),
          endsAt: new Date(now + 40 * 60_000).toISOString(),
          residentName: '秘密 花子',
          residentKana: 'ヒミツ ハナコ',
          notes: '生活保護の相談',
        },
      }),
      201,
    );
    const staffLogin = await loginStaff(url, 'demo-staff', 'madoguchi-demo');
    const kioskAuth = await kioskToken(url, credential);
    const kiosk = await connectSocket(url, kioskAuth.accessToken);
    const staff = await connectSocket(url, staffLogin.accessToken);
    try {
      const checked = expectOk(await request(kiosk, 'checkIn', { code: appointment.checkInCode ?? '' }));
      expectOk(await request(staff, 'acceptCall', { consultationId: checked.consultationId }));
      expectOk(await request(staff, 'hangUp', { consultationId: checked.consultationId }));
      await request(kiosk, 'checkIn', { code: '000000' });
    } finally {
      kiosk.disconnect();
      staff.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    assert.ok(server.output.includes('"msg"'), 'the server did log');
    const secret = credential.split('.')[1] ?? 'missing';
    const forbidden: [string, string][] = [
      ['resident name', '秘密'],
      ['resident kana', 'ヒミツ'],
      ['consultation notes', '生活保護'],
      ['staff display name', '窓口 花子'],
      ['login id', '"demo-staff"'],
      ['login id', '"demo-admin"'],
      ['password', 'madoguchi-demo'],
      ['wrong password', 'wrong-password-123'],
      ['check-in code', `"${appointment.checkInCode}"`],
      ['kiosk device secret', secret],
      ['staff token', staffLogin.accessToken.split('.')[2] ?? 'missing'],
      ['kiosk token', kioskAuth.accessToken.split('.')[2] ?? 'missing'],
    ];
    // The start-up banner prints the demo login and kiosk URL to the operator's terminal on
    // purpose; only structured log lines are checked.
    const logLines = server.output.split('\n').filter((line) => line.startsWith('{'));
    assert.ok(logLines.length > 10, 'debug logging produced lines');
    for (const [what, text] of forbidden) {
      const hit = logLines.find((line) => line.includes(text));
      assert.equal(hit, undefined, `the log contains a ${what}: ${hit?.slice(0, 200)}`);
    }
  });
});
