import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { io } from 'socket.io-client';
import { serverForSuite } from '../fixtures/suite-server';
import { loginStaff } from '../helpers/api-client';

describe('browser-facing protections: CSP, socket origins, append-only history', () => {
  const server = serverForSuite();

  it('serves the apps with a CSP that loads nothing from outside', async () => {
    for (const path of ['/', '/kiosk/', '/api/openapi.json']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: scripts only from the app itself`);
      assert.ok(!/https?:|\*/.test(csp), `${path}: no outside hosts in ${csp}`);
      assert.equal(response.headers.get('x-powered-by'), null);
    }
  });

  it('accepts sockets only from its own origin', async () => {
    const token = (await loginStaff(server.url, 'demo-staff', 'test-password')).accessToken;
    const attempt = (origin: string) =>
      new Promise<'connected' | 'refused'>((resolve) => {
        const socket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin } });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', () => resolve('refused'));
      });
    assert.equal(await attempt('https://evil.example'), 'refused');
    assert.equal(await attempt(server.url), 'connected');
  });

  it('refuses to change or delete history rows', async () => {
    const db = server.db.dataSource;
    await loginStaff(server.url, 'demo-admin', 'test-password');
    await assert.rejects(db.query(`UPDATE audit_log SET action = 'logout'`), /append-only/);
    await assert.rejects(db.query(`DELETE FROM audit_log`), /append-only/);
    const rows = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)) as { n: number }[];
    assert.ok((rows[0]?.n ?? 0) > 0, 'there were rows to protect');
  });
});
