// The server's release reaches every role's socket (ServerInfo.buildId): the same on every node
// of one build, the override (MADOGUCHI_BUILD_ID) when set; a page that predates the
// session → consultation rename gets CLIENT_OUTDATED, not a crash or a vague BAD_REQUEST.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { GuestLink } from '@madoguchi/contract/guests';
import { releaseBuildId } from '../../server/src/release/build-id';
import { guestTokenOf } from '../fixtures/guest-link';
import { createMember } from '../fixtures/members';
import { kioskToken, loginStaff } from '../helpers/api-client';
import { closeAll } from '../helpers/close-all';
import { expectStatus, restClient } from '../helpers/rest-client';
import { connectSocket, expectOk, request, requestRaw, type TestSocket } from '../helpers/socket-client';
import { startTestServer, type TestServer } from '../helpers/start-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the release reaches every socket (ServerInfo.buildId)', () => {
  let server: TestServer;
  let second: TestServer;
  const sockets: TestSocket[] = [];
  const open = async (url: string, token: string): Promise<TestSocket> => {
    const socket = await connectSocket(url, token);
    sockets.push(socket);
    return socket;
  };

  before(async () => {
    server = await startTestServer({ buildId: 'town-release-7' });
    // A second node of the same build, without an override: the id is computed from the built apps.
    second = await startTestServer({ sharedDatabase: server.db, nodeId: 'second-node' });
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await closeAll(second, server);
  });

  it('kiosk, staff, admin and guest all hear the build id at connect; an old payload is CLIENT_OUTDATED', async () => {
    const adminToken = (await loginStaff(server.url, 'demo-admin', 'test-password')).accessToken;
    const admin = restClient(server.url, adminToken);
    const member = await createMember(server.url, admin, { loginId: 'release-member', departmentIds: [] });
    const kiosk = await open(server.url, (await kioskToken(server.url, server.demo.kioskCredential)).accessToken);
    const staff = await open(server.url, member.token);
    const adminSocket = await open(server.url, adminToken);

    const { consultationId } = expectOk(await request(kiosk, 'callStaff', {}));
    // A page from before the rename names the consultation `sessionId`: no alias, a clear code. (rename:keep)
    const old = await requestRaw(staff, 'acceptCall', { sessionId: consultationId }); // rename:keep
    assert.equal(!old.ok && old.error.code, 'CLIENT_OUTDATED');
    const oldKiosk = await requestRaw(kiosk, 'cancelCall', { sessionId: consultationId }); // rename:keep
    assert.equal(!oldKiosk.ok && oldKiosk.error.code, 'CLIENT_OUTDATED');
    // Any other malformed payload stays a plain BAD_REQUEST.
    const malformed = await requestRaw(staff, 'acceptCall', { consultationId: 42 });
    assert.equal(!malformed.ok && malformed.error.code, 'BAD_REQUEST');

    expectOk(await request(staff, 'acceptCall', { consultationId }));
    const link = expectStatus(await restClient(server.url, member.token).call<GuestLink>('createGuestLink', { params: { id: consultationId }, body: { label: '通訳' } }), 201);
    const guest = await open(server.url, guestTokenOf(link));

    for (const [role, socket] of [['kiosk', kiosk], ['staff', staff], ['admin', adminSocket], ['guest', guest]] as const) {
      const info = expectOk(await request(socket, 'getServerInfo', {}));
      assert.equal(info.buildId, 'town-release-7', role);
    }
    expectOk(await request(staff, 'hangUp', { consultationId }));
  });

  it('every REST answer names the release in Madoguchi-Build (the booking page has no socket): public, refused and missing routes alike', async () => {
    for (const path of ['/api/public/booking/options', '/api/appointments', '/api/no-such-route']) {
      const answer = await fetch(`${server.url}${path}`);
      assert.equal(answer.headers.get('madoguchi-build'), 'town-release-7', `${path} (${answer.status})`);
    }
    const onSecond = await fetch(`${second.url}/api/public/booking/options`);
    assert.equal(onSecond.headers.get('madoguchi-build'), releaseBuildId(repoRoot), 'the node without an override names the computed id');
    // The pages themselves need no header (they learn it from the API): it is for /api only.
    assert.equal((await fetch(`${server.url}/book/`)).headers.get('madoguchi-build'), null);
  });

  it('without an override, every node of one build names the same id, computed from the built apps', async () => {
    const expected = releaseBuildId(repoRoot);
    assert.match(expected, /^[0-9a-f]{16}$/, 'the apps are built (npm test builds them)');
    const adminToken = (await loginStaff(second.url, 'demo-admin', 'test-password')).accessToken;
    const onSecond = expectOk(await request(await open(second.url, adminToken), 'getServerInfo', {}));
    assert.equal(onSecond.buildId, expected);
    // A third node started the same way says the same.
    const third = await startTestServer({ sharedDatabase: server.db, nodeId: 'third-node' });
    try {
      const onThird = expectOk(await request(await open(third.url, adminToken), 'getServerInfo', {}));
      assert.equal(onThird.buildId, onSecond.buildId);
    } finally {
      await third.close();
    }
  });
});
