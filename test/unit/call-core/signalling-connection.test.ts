import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ServerInfo } from '@madoguchi/contract/signalling-events';
import { CallError } from '@madoguchi/call-core/call-error';
import type { ConnectionState } from '@madoguchi/call-core/call-types';
import type { ReconnectPolicy } from '@madoguchi/call-core/reconnect-policy';
import { SignallingConnection } from '@madoguchi/call-core/signalling-connection';
import { request } from '@madoguchi/call-core/signalling';
import { FakeServer, closeAllClients, tracked, until } from './fake-signalling';

afterEach(closeAllClients);

/** Retries at once (no clock in these tests), `times` times. */
const immediately = (times: number): ReconnectPolicy => ({ nextRetryDelayMs: ({ retryCount }) => (retryCount < times ? 0 : null) });

function open(server: FakeServer, options: { refreshToken?: () => Promise<void>; policy?: ReconnectPolicy } = {}) {
  const states: ConnectionState[] = [];
  const connection: SignallingConnection = new SignallingConnection({
    getToken: () => 'token',
    refreshToken: options.refreshToken,
    url: undefined,
    authPolicy: options.policy ?? immediately(3),
    onReady: () => request(connection.socket, 'getServerInfo', {}) as Promise<ServerInfo>,
    onStateChange: (state) => states.push(state),
    createSocket: server.createSocket,
  });
  tracked(connection);
  return { connection, states };
}

describe('SignallingConnection', () => {
  it('connects once the server has said who we are', async () => {
    const server = new FakeServer('kiosk');
    const { connection, states } = open(server);
    const info = await connection.connect();
    assert.equal(info.role, 'kiosk');
    assert.deepEqual(states, ['connecting', 'connected']);
    connection.close();
    assert.equal(states.at(-1), 'closed');
  });

  it('a refused token is refreshed and the handshake tried again', async () => {
    const server = new FakeServer('staff');
    server.refuseConnection = 'UNAUTHENTICATED';
    let refreshed = 0;
    const { connection, states } = open(server, {
      refreshToken: async () => {
        refreshed += 1;
        server.refuseConnection = null;
      },
    });
    await connection.connect();
    assert.equal(refreshed, 1);
    assert.equal(states.at(-1), 'connected');
    connection.close();
  });

  it('without a way to refresh, a refused token fails the connection with the server\'s code', async () => {
    const server = new FakeServer('staff');
    server.refuseConnection = 'UNAUTHENTICATED';
    const { connection, states } = open(server);
    await assert.rejects(connection.connect(), (error: unknown) => error instanceof CallError && error.code === 'UNAUTHENTICATED');
    assert.equal(states.at(-1), 'failed');
  });

  it('gives up when the policy says so, however often it refreshes', async () => {
    const server = new FakeServer('staff');
    server.refuseConnection = 'UNAUTHENTICATED';
    let refreshed = 0;
    const { connection, states } = open(server, { refreshToken: async () => void (refreshed += 1), policy: immediately(2) });
    await assert.rejects(connection.connect());
    assert.equal(refreshed, 2);
    assert.equal(states.at(-1), 'failed');
  });

  it('the server closing the socket counts as a refusal: refresh, then reconnect', async () => {
    const server = new FakeServer('staff');
    let refreshed = 0;
    const { connection, states } = open(server, { refreshToken: async () => void (refreshed += 1) });
    await connection.connect();
    const socket = server.home;
    socket.connected = false;
    socket.active = false;
    socket.push('disconnect', 'io server disconnect');
    assert.equal(states.at(-1), 'reconnecting');
    await until(() => states.at(-1) === 'connected', 'connected again');
    assert.equal(refreshed, 1);
    connection.close();
  });

  it('a network drop is left to Socket.IO: reconnecting, then connected without a refresh', async () => {
    const server = new FakeServer('kiosk');
    let refreshed = 0;
    const { connection, states } = open(server, { refreshToken: async () => void (refreshed += 1) });
    await connection.connect();
    server.home.drop();
    assert.equal(states.at(-1), 'reconnecting');
    server.home.comeBack();
    await until(() => states.at(-1) === 'connected', 'back');
    assert.equal(refreshed, 0);
    assert.equal(server.home.count('getServerInfo'), 2, 'asked again who we are');
    connection.close();
  });
});
