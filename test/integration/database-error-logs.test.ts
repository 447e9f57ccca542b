import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Department } from '@madoguchi/contract/departments';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { expectStatus, restClient } from '../helpers/rest-client';
import { startLoggingServer, type LoggingServer } from '../helpers/server-process';
import { connectSocket, request } from '../helpers/socket-client';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRETS = ['秘密 太郎', 'ヒミツ タロウ', 'NOTE-SECRET-4711', 'secret-login-x', '秘密 職員', '秘密の端末', 'scrypt$'];

/**
 * The real server process against its own PostgreSQL database, where a trigger makes every
 * write fail (with a detail that repeats the values, as a constraint violation would); each
 * write path is driven, and the whole log must hold none of the values written.
 */
describe('database errors write no personal data or password hashes to the log (issue 12, item 5)', () => {
  const database = `madoguchi_logs_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  let server: LoggingServer;
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  const dbUrl = BASE_URL.replace(/\/[^/]*$/, `/${database}`);

  before(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    server = await startLoggingServer({ port, databaseUrl: dbUrl, dataDirPrefix: 'madoguchi-dberr-' });
  });
  after(async () => {
    await server?.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  });

  it('fails every write path and finds none of the written values in the log', async () => {
    const credential = readFileSync(path.join(server.dataDir, 'demo-kiosk-credential'), 'utf8').trim();
    const login = await loginStaff(url, 'demo-admin', 'madoguchi-demo');
    const api = restClient(url, login.accessToken);
    const departments = expectStatus(await api.call<Department[]>('listDepartments'), 200);
    const kioskSocket = await connectSocket(url, (await kioskToken(url, credential)).accessToken);

    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await db.query(`CREATE FUNCTION fail_writes() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'forced failure' USING DETAIL = 'Key (row)=(' || row_to_json(NEW)::text || ') already exists.'; END $$ LANGUAGE plpgsql`);
    for (const table of ['staff_user', 'appointment', 'kiosk', 'consultation_session', 'department']) {
      await db.query(`CREATE TRIGGER fail_${table} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION fail_writes()`);
    }
    await db.end();

    const statuses = [
      (await api.call('createStaff', { body: { loginId: 'secret-login-x', displayName: '秘密 職員', departmentIds: [] } })).status,
      (await api.call('createKiosk', { body: { name: '秘密の端末', location: '秘密の端末 1階' } })).status,
      (await api.call('createAppointment', {
        body: {
          departmentId: departments[0]?.id,
          kioskId: credential.split('.')[0],
          startsAt: new Date(Date.now() + 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 5_400_000).toISOString(),
          residentName: '秘密 太郎',
          residentKana: 'ヒミツ タロウ',
          notes: 'NOTE-SECRET-4711',
        },
      })).status,
      (await api.call('changePassword', { body: { currentPassword: 'madoguchi-demo', newPassword: 'a-brand-new-password-1' } })).status,
    ];
    assert.deepEqual(statuses, [500, 500, 500, 500], 'each write failed in the database');
    const ack = await request(kioskSocket, 'callStaff', {});
    assert.equal(!ack.ok && ack.error.code, 'INTERNAL');
    kioskSocket.close();
    await new Promise((resolve) => setTimeout(resolve, 300));

    assert.match(server.output, /forced failure/, 'the failures were logged');
    for (const secret of SECRETS) assert.ok(!server.output.includes(secret), `the log contains ${secret}`);
    assert.ok(!/INSERT INTO|UPDATE "|"parameters"|"query"/.test(server.output), 'no SQL or parameters in the log');
  });
});
