import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LoginResponse } from '@madoguchi/contract/rest';
import { loginStaff, postJson } from '../helpers/api-client';
import { restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, nextEvent, request, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

const disconnected = (socket: TestSocket): Promise<string> => new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('staff login sessions: short tokens, rotating refresh tokens, revocation at once', () => {
  let server: TestServer;
  const refresh = async (refreshToken: string) => postJson(`${server.url}/api/auth/refresh`, { refreshToken });

  before(async () => {
    server = await startTestServer({ staffTokenTtlSeconds: 5 });
  });
  after(() => server.close());

  it('rotates the refresh token, and a reused one ends the whole login everywhere', async () => {
    const login = await loginStaff(server.url, 'demo-staff', 'test-password');
    assert.ok(login.expiresInSeconds <= 900, 'access tokens live at most 15 minutes');
    const first = await refresh(login.refreshToken);
    assert.equal(first.status, 200);
    const rotated = first.body as LoginResponse;
    assert.notEqual(rotated.refreshToken, login.refreshToken);
    const socket = await connectSocket(server.url, rotated.accessToken);
    const closed = disconnected(socket);
    // Someone replays the old refresh token: both copies die, and so does the live socket.
    const replay = await refresh(login.refreshToken);
    assert.equal(replay.status, 401);
    assert.equal(await closed, 'io server disconnect');
    assert.equal((await refresh(rotated.refreshToken)).status, 401, 'the thief and the owner are both logged out');
    assert.equal((await restClient(server.url, rotated.accessToken).call('me')).status, 401, 'access tokens of the family stop at once');
    const audit = await server.db.dataSource.query(`SELECT action FROM audit_log WHERE action = 'refresh_token_reused'`);
    assert.equal(audit.length, 1);
  });

  it('logout stops the token and the sockets of that login only', async () => {
    const a = await loginStaff(server.url, 'demo-staff', 'test-password');
    const b = await loginStaff(server.url, 'demo-staff', 'test-password');
    const socketA = await connectSocket(server.url, a.accessToken);
    const socketB = await connectSocket(server.url, b.accessToken);
    try {
      const closedA = disconnected(socketA);
      assert.equal((await restClient(server.url, a.accessToken).call('logout')).status, 204);
      await closedA;
      assert.equal((await restClient(server.url, a.accessToken).call('me')).status, 401);
      assert.equal((await refresh(a.refreshToken)).status, 401);
      assert.equal((await restClient(server.url, b.accessToken).call('me')).status, 200, 'the other login goes on');
      assert.ok(socketB.connected);
    } finally {
      socketB.disconnect();
    }
  });

  it('asks a socket to renew before its token ends, and closes it if it does not', async () => {
    const login = await loginStaff(server.url, 'demo-staff', 'test-password');
    const renewing = await connectSocket(server.url, login.accessToken);
    const lapsing = await connectSocket(server.url, login.accessToken);
    try {
      const lapsed = disconnected(lapsing);
      await nextEvent(renewing, 'authExpiring', 6000);
      const fresh = (await refresh(login.refreshToken)).body as LoginResponse;
      const renewed = expectOk(await request(renewing, 'renewAuth', { token: fresh.accessToken }));
      assert.ok(Date.parse(renewed.expiresAt) > Date.now());
      assert.equal(await lapsed, 'io server disconnect', 'a socket that did not renew is closed at expiry');
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.ok(renewing.connected, 'the renewed socket stays');
      const other = await loginStaff(server.url, 'demo-admin', 'test-password');
      const hijack = await request(renewing, 'renewAuth', { token: other.accessToken });
      assert.equal(!hijack.ok && hijack.error.code, 'FORBIDDEN', 'a socket cannot become someone else');
    } finally {
      renewing.disconnect();
      lapsing.disconnect();
    }
  });
});
