import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { CallError } from '@madoguchi/call-core/call-error';
import { GuestCallClient } from '@madoguchi/call-core/call/guest-call-client';
import type { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { StaffCallClient } from '@madoguchi/call-core/call/staff-call-client';
import { FakeServer, type FakeSocket, Refusal, clientOptions, closeAllClients, tracked, fakeLocalMedia, fakeTransport, settle, until } from './fake-signalling';

afterEach(closeAllClients);

/** Waits in real time (timers, not only promise rounds) until `check` holds. */
async function within(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ENTRY = { consultationId: 's1', kioskName: '中央図書館', departmentName: '総合窓口' };

async function connectedDesk(server = new FakeServer('staff')): Promise<{ server: FakeServer; client: StaffCallClient }> {
  server.handle('getQueue', () => [ENTRY]);
  server.handle('setAvailability', () => null);
  server.handle('acceptCall', ({ consultationId }) => ({ consultationId, kioskName: '中央図書館', kioskLocation: '1階', mediaNodeUrl: null }));
  const client = tracked(new StaffCallClient(clientOptions(server)));
  await client.connect();
  return { server, client };
}

/** A desk that answered a call held by another node (node B): the call runs over a second socket. */
async function answeredOnNodeB(): Promise<{ server: FakeServer; client: StaffCallClient; holder: FakeSocket | undefined }> {
  const server = new FakeServer('staff');
  const { client } = await connectedDesk(server);
  server.handle('acceptCall', ({ consultationId }) => ({ consultationId, kioskName: '中央図書館', kioskLocation: '1階', mediaNodeUrl: 'http://node-b:3000' }));
  await client.acceptCall('s1');
  return { server, client, holder: server.sockets[1] };
}

describe('StaffCallClient (fake socket, mediasoup-client FakeHandler)', () => {
  it('reads the queue on connect and follows queueUpdated', async () => {
    const { server, client } = await connectedDesk();
    await until(() => client.getSnapshot().queue.length === 1, 'queue loaded');
    server.home.push('queueUpdated', []);
    assert.deepEqual(client.getSnapshot().queue, []);
    client.close();
  });

  it('join-tuning warmCamera: the camera opens while a resident waits, the accept takes it, and it closes when nobody waits', async () => {
    (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = { warmCamera: true };
    try {
      const server = new FakeServer('staff');
      const media = fakeLocalMedia();
      let opened = 0;
      const acquire = async (): Promise<Awaited<ReturnType<typeof media.acquire>>> => {
        opened += 1;
        return media.acquire();
      };
      server.handle('getQueue', () => [ENTRY]);
      server.handle('acceptCall', ({ consultationId }) => ({ consultationId, kioskName: '中央図書館', kioskLocation: '1階', mediaNodeUrl: null }));
      const client = tracked(new StaffCallClient({ ...clientOptions(server, media), acquireMedia: acquire }));
      await client.connect();
      await until(() => opened === 1, 'camera opened while the resident waits');
      server.home.push('queueUpdated', []);
      await settle();
      assert.ok(media.stopped(), 'nobody waits: the camera is closed again');
      server.home.push('queueUpdated', [ENTRY]);
      await until(() => opened === 2, 'opened again for the next resident');
      await client.acceptCall('s1');
      assert.equal(opened, 2, 'the accept used the camera already open');
      assert.equal(client.getSnapshot().localStream?.getVideoTracks()[0], media.tracks[3]);
      client.close();
    } finally {
      delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
    }
  });

  it('join-tuning acceptJoins: the accept carries the desk\'s capabilities and its answer the transports, with no joinRoom', async () => {
    (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = { acceptJoins: true };
    try {
      const { server, client } = await connectedDesk();
      const send = fakeTransport('send');
      server.handle('acceptCall', ({ consultationId }) => ({
        consultationId,
        kioskName: '中央図書館',
        kioskLocation: '1階',
        mediaNodeUrl: null,
        join: { sendTransport: send, recvTransport: fakeTransport('recv'), peers: [{ role: 'kiosk', displayName: '中央図書館' }] },
      }));
      await client.acceptCall('s1');
      const accept = server.home.last('acceptCall') as { join?: { rtpCapabilities?: { codecs?: unknown[] } } };
      assert.ok((accept.join?.rtpCapabilities?.codecs?.length ?? 0) > 0, 'the accept names the desk\'s codecs');
      await until(() => server.home.count('produce') === 2, 'camera and microphone produced');
      assert.equal(server.home.count('joinRoom'), 0, 'no second round trip');
      assert.equal(server.home.last('produce')?.['transportId'], send.id, 'produced on the transport of the accept\'s answer');
      assert.equal(client.getSnapshot().callState, 'inCall');
      assert.deepEqual(client.getSnapshot().peers.map((p) => p.role), ['kiosk']);

      // An answer without a join (the server could not join the desk, or an older server): joinRoom as before.
      await client.hangUp();
      server.handle('acceptCall', ({ consultationId }) => ({ consultationId, kioskName: '中央図書館', kioskLocation: '1階', mediaNodeUrl: null }));
      await client.acceptCall('s1');
      await until(() => server.home.count('joinRoom') === 1, 'joined the ordinary way');
      client.close();
    } finally {
      delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
    }
  });

  it('join-tuning deskStandby: the desk stands by for the head of its queue, once per resident, and the accept goes on over the standby\'s transports', async () => {
    (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = { deskStandby: true, acceptJoins: true };
    try {
      const server = new FakeServer('staff');
      const given: { last: { sendTransport: ReturnType<typeof fakeTransport>; recvTransport: ReturnType<typeof fakeTransport> } | null } = { last: null };
      server.handle('standBy', ({ consultationId }) => {
        given.last = consultationId === null ? null : { sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv') };
        return given.last;
      });
      const { client } = await connectedDesk(server);
      await until(() => server.home.count('standBy') === 1, 'stood by for the resident at the head of the queue');
      assert.equal(server.home.last('standBy')?.['consultationId'], 's1');
      server.home.push('queueUpdated', [ENTRY]);
      await settle();
      assert.equal(server.home.count('standBy'), 1, 'the same resident again: nothing new asked');

      await client.setAvailability(false);
      await until(() => server.home.count('standBy') === 2, '離席中: the standby is given up');
      assert.equal(server.home.last('standBy')?.['consultationId'], null);
      await client.setAvailability(true);
      await until(() => server.home.count('standBy') === 3, '対応可能 again: standing by again');

      const taken = given.last;
      assert.ok(taken);
      server.handle('acceptCall', ({ consultationId }) => ({
        consultationId,
        kioskName: '中央図書館',
        kioskLocation: '1階',
        mediaNodeUrl: null,
        join: { ...taken, peers: [{ role: 'kiosk', displayName: '中央図書館' }] },
      }));
      await client.acceptCall('s1');
      await until(() => server.home.count('produce') === 2, 'camera and microphone produced');
      assert.equal(server.home.last('produce')?.['transportId'], taken.sendTransport.id, 'produced on the standby\'s transport');
      assert.equal(server.home.count('joinRoom'), 0);
      assert.equal(client.getSnapshot().callState, 'inCall');
      server.home.push('queueUpdated', []);
      await settle();
      assert.equal(server.home.count('standBy'), 3, 'in a call the desk stands by for nobody');
      client.close();
    } finally {
      delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
    }
  });

  it('join-tuning deskStandby: a refused standby (call held by another node) is not asked again, and the accept joins the ordinary way', async () => {
    (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = { deskStandby: true, acceptJoins: false };
    try {
      const server = new FakeServer('staff');
      server.handle('standBy', () => {
        throw new Refusal('UNAVAILABLE', 'not waiting on this server node');
      });
      const { client } = await connectedDesk(server);
      await until(() => server.home.count('standBy') === 1, 'asked once');
      server.home.push('queueUpdated', [ENTRY]);
      await settle();
      assert.equal(server.home.count('standBy'), 1, 'not asked again for the same resident');
      await client.acceptCall('s1');
      await until(() => server.home.count('joinRoom') === 1, 'joined the ordinary way');
      client.close();
    } finally {
      delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
    }
  });

  it('another desk was faster: acceptCall rejects with ALREADY_TAKEN and leaves no call behind', async () => {
    const { server, client } = await connectedDesk();
    server.handle('acceptCall', () => {
      throw new Refusal('ALREADY_TAKEN', 'taken');
    });
    await assert.rejects(client.acceptCall('s1'), (error: unknown) => error instanceof CallError && error.code === 'ALREADY_TAKEN');
    assert.equal(client.getSnapshot().callState, 'idle');
    assert.equal(client.getSnapshot().call, null);
    client.close();
  });

  it('answers, joins, and records 「キオスクに人がいない」 as resident_absent', async () => {
    const { server, client } = await connectedDesk();
    await client.acceptCall('s1');
    assert.equal(client.getSnapshot().callState, 'inCall');
    assert.equal(client.getSnapshot().call?.peerName, '中央図書館');
    await client.hangUp({ residentAbsent: true });
    assert.deepEqual(server.home.last('hangUp'), { consultationId: 's1', reason: 'resident_absent' });
    client.close();
  });

  it('a call held by another node runs over a link to that node; a hang-up with the link down goes home', async () => {
    const { server, client, holder } = await answeredOnNodeB();
    assert.ok(holder, 'a second socket was opened');
    assert.equal(holder.url, 'http://node-b:3000');
    assert.equal(holder.count('joinRoom'), 1, 'the room is joined through the holder');
    assert.equal(server.home.count('joinRoom'), 0);
    await until(() => holder.count('produce') >= 2, 'media through the holder');

    // In-call requests follow the call to its node.
    server.handle('sendMessage', () => ({ consultationId: 's1', from: 'staff', text: 'こんにちは', sentAt: 'now' }));
    await client.sendStaffRequest('sendMessage', { consultationId: 's1', text: 'こんにちは' });
    assert.equal(holder.count('sendMessage'), 1);

    holder.drop();
    await client.hangUp();
    assert.deepEqual(server.home.last('hangUp'), { consultationId: 's1' }, 'the home node passes the hang-up on');
    client.close();
  });

  it('a holder that comes back after a drop is joined again through the same link', async () => {
    const { server, client, holder } = await answeredOnNodeB();
    assert.ok(holder);
    holder.drop();
    holder.comeBack();
    await until(() => holder.count('joinRoom') === 2, 'joined again through the holder');
    assert.equal(server.home.count('joinRoom'), 0);
    client.close();
  });

  it('対応可能 is told again after a reconnect', async () => {
    const { server, client } = await connectedDesk();
    await client.setAvailability(true);
    assert.equal(server.home.count('setAvailability'), 1);
    server.home.drop();
    server.home.comeBack();
    await until(() => server.home.count('setAvailability') === 2, 'availability sent again');
    assert.deepEqual(server.home.last('setAvailability'), { available: true });
    client.close();
  });

  it('a transfer ends the call here without a hang-up', async () => {
    const { server, client } = await connectedDesk();
    server.handle('transferCall', ({ consultationId }) => ({ consultationId, newConsultationId: 's2', departmentName: '子育て支援課', queuePosition: 1 }));
    await client.acceptCall('s1');
    const reasons: string[] = [];
    client.on('callEnded', ({ reason }) => reasons.push(reason));
    await client.transferCall('dept-2');
    assert.deepEqual(reasons, ['transferred']);
    assert.equal(server.home.count('hangUp'), 0);
    assert.equal(client.getSnapshot().callState, 'idle');
    client.close();
  });

  it("each role's client has only its role's requests (the rest are type errors)", () => {
    // Compiled by `npm run typecheck` (tsc -p test), never run: the directives fail the build if
    // the call becomes possible.
    const misuse = (kiosk: KioskCallClient, desk: StaffCallClient, guest: GuestCallClient): void => {
      // @ts-expect-error a kiosk cannot answer a call
      void kiosk.acceptCall('s1');
      // @ts-expect-error a desk does not queue itself
      void desk.callStaff({});
      // @ts-expect-error a guest sends no console requests
      void guest.sendStaffRequest('pointer', { consultationId: 's1', marks: [] });
      // @ts-expect-error a guest does not run the connection check
      void guest.checkMediaPath('udp', {} as MediaStreamTrack);
    };
    assert.equal(typeof misuse, 'function');
  });
});

describe('GuestCallClient', () => {
  it('joins the one call of its link and leaves it', async () => {
    const server = new FakeServer('guest');
    const media = fakeLocalMedia();
    const client = tracked(new GuestCallClient(clientOptions(server, media)));
    await client.connect();
    await client.joinAsGuest('s1');
    assert.equal(client.getSnapshot().callState, 'inCall');
    await client.hangUp();
    assert.deepEqual(server.home.last('hangUp'), { consultationId: 's1' });
    await settle();
    assert.ok(media.stopped());
    client.close();
  });

  it('the node holding the call stopped (holderLost): the snapshot says so with the grace left until the kiosk is back', async () => {
    const { server, client } = await connectedDesk();
    await client.acceptCall('s1');
    server.home.push('holderLost', { consultationId: 'other', secondsLeft: 9 });
    assert.equal(client.getSnapshot().failover, null, 'another call is none of this desk\'s business');
    const before = Date.now();
    server.home.push('holderLost', { consultationId: 's1', secondsLeft: 8.5 });
    const failover = client.getSnapshot().failover;
    assert.equal(failover?.lost, 'holder');
    assert.ok(failover?.until !== null && failover !== null && failover.until >= before + 8_400 && failover.until <= Date.now() + 8_600, `until ${failover?.until}`);
    server.home.push('peerJoined', { consultationId: 's1', peer: { role: 'guest', displayName: '通訳' } });
    assert.notEqual(client.getSnapshot().failover, null, 'a guest coming back is not the call coming back');
    server.home.push('peerJoined', { consultationId: 's1', peer: { role: 'kiosk', displayName: '中央図書館' } });
    assert.equal(client.getSnapshot().failover, null, 'the kiosk is back in the call: nothing is moving any more');
    client.close();
  });

  it('its own node stops mid-call: the desk goes on through another node, and after the hang-up keeps working through it until its node is back', async () => {
    const server = new FakeServer('staff');
    const info = (await server.handlers.get('getServerInfo')?.({}, undefined as never)) as Record<string, unknown>;
    server.handle('getServerInfo', () => ({ ...info, nodeUrls: ['http://node-b:3000'] }));
    server.handle('saveOutcome', () => ({ queued: false }));
    const { client } = await connectedDesk(server);
    await client.acceptCall('s1');
    server.handle('resumeCall', () => ({ live: { consultationId: 's1', state: 'active', peerName: '中央図書館', peerLocation: '1階', queuePosition: null, mediaNodeUrl: null, department: null }, ended: null, unrecorded: null }));
    server.handle('joinRoom', () => ({ sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [{ role: 'kiosk', displayName: '中央図書館' }] }));
    const moving: string[] = [];
    client.on('changed', (snapshot) => {
      if (snapshot.failover) moving.push(snapshot.failover.lost);
    });
    server.home.drop();
    // The failover waits 1 s of real time before it tries another node.
    await within(() => server.sockets[1]?.count('joinRoom') === 1, 'joined again through node B');
    assert.equal(moving[0], 'own', 'meanwhile the screen said the call was moving');
    const nodeB = server.sockets[1];
    assert.equal(nodeB?.url, 'http://node-b:3000');
    assert.deepEqual(nodeB?.last('resumeCall'), { consultationId: 's1' }, 'asked node B for its call by its id');
    await until(() => client.getSnapshot().failover === null, 'back in the call with the kiosk');
    assert.equal(client.getSnapshot().connection, 'connected');

    await client.hangUp();
    assert.deepEqual(nodeB?.last('hangUp'), { consultationId: 's1' });
    await settle();
    assert.equal(client.getSnapshot().connection, 'connected', 'its own node is still down, node B stands in');
    assert.deepEqual(await client.sendStaffRequest('saveOutcome', { consultationId: 's1', outcomeCode: 'resolved' }), { queued: false });
    assert.equal(nodeB?.count('saveOutcome'), 1, 'the outcome went through node B');
    assert.equal(server.home.count('saveOutcome'), 0);

    server.home.comeBack();
    await settle();
    assert.equal(nodeB?.connected, false, 'the stand-in is closed once its own node is back');
    await client.sendStaffRequest('saveOutcome', { consultationId: 's1', outcomeCode: 'resolved' });
    assert.equal(server.home.count('saveOutcome'), 1, 'requests go home again');
    client.close();
  });
});
