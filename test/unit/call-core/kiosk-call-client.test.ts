import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import { CallError } from '@madoguchi/call-core/call-error';
import type { CallEndedEvent } from '@madoguchi/call-core/call-types';
import { KioskCallClient } from '@madoguchi/call-core/call/kiosk-call-client';
import { createDeferred } from '@madoguchi/call-core/deferred';
import type { JoinTuning } from '@madoguchi/call-core/join-tuning';
import { FakeServer, Refusal, clientOptions, closeAllClients, tracked, fakeLocalMedia, fakeTransport, settle, until } from './fake-signalling';

afterEach(closeAllClients);
afterEach(() => setTuning(null));

/** The switches of join-tuning.ts for this test (null: the defaults), as bench:join sets them in the page. */
function setTuning(tuning: Partial<JoinTuning> | null): void {
  if (tuning) (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'] = tuning;
  else delete (globalThis as Record<string, unknown>)['__madoguchiJoinTuning'];
}

async function connectedKiosk(server = new FakeServer('kiosk'), media = fakeLocalMedia()): Promise<{ server: FakeServer; client: KioskCallClient; media: typeof media }> {
  server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 1 }));
  const client = tracked(new KioskCallClient(clientOptions(server, media)));
  await client.connect();
  return { server, client, media };
}

/** Queued, then answered by 佐藤, then in the call with camera and microphone sent. */
async function inCall(setup?: Awaited<ReturnType<typeof connectedKiosk>>): Promise<Awaited<ReturnType<typeof connectedKiosk>>> {
  const kiosk = setup ?? (await connectedKiosk());
  await kiosk.client.callStaff({});
  kiosk.server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
  await until(() => kiosk.client.getSnapshot().callState === 'inCall', 'in the call');
  await until(() => kiosk.server.home.count('produce') >= 2, 'camera and microphone produced');
  return kiosk;
}

/** The server offers the specialist's microphone to the kiosk; the kiosk's answers land in the list returned. */
function offerStaffMicrophone(server: FakeServer): unknown[] {
  const consumer = fakeParameters.generateConsumerRemoteParameters({ codecMimeType: 'audio/opus' });
  const acks: unknown[] = [];
  server.home.push(
    'newConsumer',
    { consultationId: 's1', consumerId: consumer.id, producerId: consumer.producerId, kind: 'audio', source: 'microphone', peerRole: 'staff', rtpParameters: consumer.rtpParameters },
    (ack: unknown) => acks.push(ack),
  );
  return acks;
}

describe('KioskCallClient (fake socket, mediasoup-client FakeHandler)', () => {
  it('connects: asks who it is, loads the Device, says connected', async () => {
    const { server, client } = await connectedKiosk();
    assert.equal(client.getSnapshot().connection, 'connected');
    assert.equal(client.getSnapshot().serverInfo?.role, 'kiosk');
    assert.equal(server.home.count('getServerInfo'), 1);
    client.close();
    assert.equal(client.getSnapshot().connection, 'closed');
  });

  it('refuses a server that says this token is not a kiosk (role misuse cannot start)', async () => {
    const server = new FakeServer('staff');
    const client = tracked(new KioskCallClient(clientOptions(server)));
    await assert.rejects(client.connect(), (error: unknown) => error instanceof CallError && error.code === 'FORBIDDEN');
    assert.equal(client.getSnapshot().connection, 'failed');
  });

  it('a walk-in call: waits, is answered, sends camera and microphone, hangs up and releases them', async () => {
    const { server, client, media } = await inCall();
    const sources = server.home.requests.filter((r) => r.event === 'produce').map((r) => r.payload['source']);
    assert.deepEqual(sources.sort(), ['camera', 'microphone']);
    assert.equal(client.getSnapshot().call?.peerName, '佐藤');
    assert.ok(client.getSnapshot().localStream, 'the self view has the stream');

    const ended: CallEndedEvent[] = [];
    client.on('callEnded', (event) => ended.push(event));
    await client.hangUp();
    assert.deepEqual(server.home.last('hangUp'), { consultationId: 's1' });
    assert.equal(ended[0]?.reason, 'resident_left');
    assert.equal(ended[0]?.answered, true);
    assert.equal(client.getSnapshot().callState, 'idle');
    assert.equal(client.getSnapshot().call, null);
    await settle();
    assert.ok(media.stopped(), 'camera and microphone are stopped');
    client.close();
  });

  it('callAccepted overtaking the callStaff answer still joins the call', async () => {
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    server.handle('callStaff', (_payload, socket) => {
      socket.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
      return { consultationId: 's1', queuePosition: 1 };
    });
    await client.callStaff({});
    await until(() => client.getSnapshot().callState === 'inCall', 'in the call');
    assert.equal(server.home.count('joinRoom'), 1);
    client.close();
  });

  it('a resident who gives up before the queue answers: the consultation is cancelled once its id is known', async () => {
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    const answer = createDeferred<{ consultationId: string; queuePosition: number }>();
    server.handle('callStaff', () => answer.promise);
    const asking = client.callStaff({});
    await until(() => server.home.count('callStaff') === 1, 'callStaff sent');
    await client.cancelCall();
    assert.equal(client.getSnapshot().callState, 'idle');
    answer.resolve({ consultationId: 's9', queuePosition: 3 });
    await asking;
    await until(() => server.home.count('cancelCall') === 1, 'cancelCall sent');
    assert.deepEqual(server.home.last('cancelCall'), { consultationId: 's9' });
    assert.equal(client.getSnapshot().call, null);
    client.close();
  });

  it('the socket drops while waiting: on reconnect it asks the server and keeps its place in the queue', async () => {
    const { server, client } = await connectedKiosk();
    await client.callStaff({});
    server.home.drop();
    assert.equal(client.getSnapshot().connection, 'reconnecting');
    server.handle('callStaff', () => ({ consultationId: 's1', queuePosition: 2 }));
    server.home.comeBack();
    await until(() => server.home.count('callStaff') === 2, 'asked again');
    assert.deepEqual(server.home.last('resumeCall'), { consultationId: 's1' });
    await until(() => client.getSnapshot().call?.queuePosition === 2, 'the new position');
    assert.equal(client.getSnapshot().callState, 'calling');
    client.close();
  });

  it('answered while the socket was down: the refusal to queue again means join', async () => {
    const { server, client } = await connectedKiosk();
    await client.callStaff({});
    server.home.drop();
    server.handle('callStaff', () => {
      throw new Refusal('INVALID_STATE', 'already answered');
    });
    server.home.comeBack();
    await until(() => client.getSnapshot().callState === 'inCall', 'joined after all');
    client.close();
  });

  it('the call ended while the socket was down: it ends here with the reason the server recorded', async () => {
    const { server, client } = await inCall();
    const ended: CallEndedEvent[] = [];
    client.on('callEnded', (event) => ended.push(event));
    server.home.drop();
    server.handle('resumeCall', () => ({ live: null, ended: { consultationId: 's1', reason: 'network_lost', answered: true }, unrecorded: null }));
    server.home.comeBack();
    await until(() => ended.length === 1, 'callEnded');
    assert.equal(ended[0]?.reason, 'network_lost');
    assert.equal(ended[0]?.initiator, 'remote');
    assert.equal(server.home.count('joinRoom'), 1, 'no join into a call that is over');
    client.close();
  });

  it('a reconnect during the call joins again with fresh transports and the same camera', async () => {
    const { server, client, media } = await inCall();
    const firstSend = server.home.requests.find((r) => r.event === 'produce')?.payload['transportId'];
    server.home.drop();
    server.home.comeBack();
    await until(() => server.home.count('produce') >= 4, 'produced again');
    const transports = new Set(server.home.requests.filter((r) => r.event === 'produce').slice(2).map((r) => r.payload['transportId']));
    assert.equal(transports.size, 1);
    assert.ok(!transports.has(firstSend), 'the second join produces into its own transport');
    assert.equal(client.getSnapshot().callState, 'inCall');
    assert.ok(!media.stopped(), 'the camera stays open across the rejoin');
    client.close();
  });

  it('a join overtaken by a newer one stops quietly: nothing is produced into its transports', async () => {
    setTuning({ queuedJoin: false }); // the join at the answer, as without the early join
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    const firstAnswer = createDeferred<unknown>();
    const first = { sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [] };
    let joins = 0;
    server.handle('joinRoom', () => {
      joins += 1;
      if (joins === 1) return firstAnswer.promise;
      return { sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [] };
    });
    await client.callStaff({});
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => joins === 1, 'first join sent');
    // The socket drops and comes back while the first joinRoom is still unanswered.
    server.home.drop();
    server.home.comeBack();
    await until(() => client.getSnapshot().callState === 'inCall' && server.home.count('produce') >= 2, 'second join in the call');
    firstAnswer.resolve(first);
    await settle();
    const produced = server.home.requests.filter((r) => r.event === 'produce').map((r) => r.payload['transportId']);
    assert.ok(!produced.includes(first.sendTransport.id), 'the overtaken join produced nothing');
    assert.equal(server.home.count('connectTransport'), 1, 'only the current send transport connected');
    client.close();
  });

  it('a consumer offered before the joinRoom answer is consumed once the transport exists', async () => {
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    const answer = createDeferred<unknown>();
    server.handle('joinRoom', () => answer.promise);
    await client.callStaff({});
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => server.home.count('joinRoom') === 1, 'join sent');
    const acks = offerStaffMicrophone(server);
    await settle();
    assert.equal(acks.length, 0, 'waits for the transport');
    answer.resolve({ sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [] });
    await until(() => acks.length === 1, 'consumer answered');
    assert.deepEqual(acks[0], { ok: true, data: null });
    assert.equal(client.getSnapshot().remoteTracks.length, 1);
    assert.equal(client.getSnapshot().remoteTracks[0]?.peerRole, 'staff');
    client.close();
  });

  it('a consumer for another consultation is refused', async () => {
    const { server, client } = await inCall();
    const acks: unknown[] = [];
    server.home.push('newConsumer', { consultationId: 'other', consumerId: 'c', producerId: 'p', kind: 'audio', source: 'microphone', peerRole: 'staff', rtpParameters: {} }, (ack: unknown) =>
      acks.push(ack),
    );
    await settle();
    assert.equal((acks[0] as { ok: boolean }).ok, false);
    client.close();
  });

  it('a transfer releases the media as the end of a call does, and waits again under the new consultation', async () => {
    setTuning({ queuedJoin: false, earlyMedia: false }); // nothing opened again while waiting (see the queuedJoin tests)
    const { server, client, media } = await inCall();
    await client.startDocument(new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack);
    await until(() => server.home.requests.some((r) => r.event === 'produce' && r.payload['source'] === 'document'), 'document camera sent');
    const transferred: unknown[] = [];
    client.on('transferred', (result) => transferred.push(result));
    server.home.push('transferred', { consultationId: 's1', newConsultationId: 's2', departmentName: '子育て支援課', queuePosition: 2 });
    const snapshot = client.getSnapshot();
    assert.equal(snapshot.callState, 'calling');
    assert.equal(snapshot.call?.consultationId, 's2');
    assert.equal(snapshot.call?.answered, false);
    assert.equal(snapshot.localStream, null);
    assert.deepEqual(snapshot.remoteTracks, []);
    assert.equal(transferred.length, 1);
    await settle();
    assert.ok(media.stopped(), 'camera and microphone released while waiting again');

    // Answered in the new department: a fresh join, and no document camera until the resident asks again.
    const producedBefore = server.home.count('produce');
    server.home.push('callAccepted', { consultationId: 's2', staffName: '鈴木' });
    await until(() => client.getSnapshot().callState === 'inCall', 'in the second call');
    assert.deepEqual(server.home.last('joinRoom')?.['consultationId'], 's2');
    await settle();
    const after = server.home.requests.filter((r) => r.event === 'produce').slice(producedBefore);
    assert.ok(!after.some((r) => r.payload['source'] === 'document'), 'the document camera is not sent again by itself');
    client.close();
  });

  it('the document camera is paused while the console does not show it, and sent again when it does', async () => {
    const { server, client } = await inCall();
    const documentTrack = new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack;
    await client.startDocument(documentTrack);
    await until(() => server.home.requests.some((r) => r.event === 'produce' && r.payload['source'] === 'document'), 'document camera sent');
    const paused = (): boolean | null => client.documentPaused();
    assert.equal(paused(), false);
    server.home.push('documentView', { consultationId: 's1', shown: false });
    await until(() => paused() === true, 'paused while hidden');
    assert.equal(documentTrack.readyState, 'live', 'the kiosk keeps its own preview');
    assert.equal(documentTrack.enabled, true);
    server.home.push('documentView', { consultationId: 'other', shown: true });
    await settle();
    assert.equal(paused(), true, 'another consultation says nothing about this one');
    server.home.push('documentView', { consultationId: 's1', shown: true });
    await until(() => paused() === false, 'sent again when shown');
    // A document camera started while the console is hidden starts paused.
    server.home.push('documentView', { consultationId: 's1', shown: false });
    await client.stopDocument();
    await client.startDocument(new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack);
    await until(() => paused() === true, 'a new document camera starts paused');
    client.close();
  });

  it('join-tuning sendFirst: the other side is consumed once camera and microphone are produced', async () => {
    setTuning({ queuedJoin: false, sendFirst: true, sendFirstCamera: false });
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    const produced = createDeferred<void>();
    let producerCount = 0;
    server.handle('produce', async () => {
      await produced.promise;
      return { producerId: `p-${++producerCount}` };
    });
    await client.callStaff({});
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => server.home.count('produce') === 1, 'camera being produced');
    const acks = offerStaffMicrophone(server);
    await settle();
    assert.equal(acks.length, 0, 'waits for its own media to leave first');
    produced.resolve();
    await until(() => acks.length === 1, 'consumed after producing');
    assert.equal(producerCount, 2);
    client.close();
  });

  it('join-tuning sendFirstCamera: the other side is consumed once the camera is produced, without waiting for the microphone', async () => {
    setTuning({ queuedJoin: false, sendFirst: true, sendFirstCamera: true });
    const server = new FakeServer('kiosk');
    const { client } = await connectedKiosk(server);
    const microphone = createDeferred<void>();
    let producerCount = 0;
    server.handle('produce', async ({ kind }) => {
      if (kind === 'audio') await microphone.promise;
      return { producerId: `p-${++producerCount}` };
    });
    await client.callStaff({});
    server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
    await until(() => server.home.count('produce') === 2, 'microphone being produced');
    const acks = offerStaffMicrophone(server);
    await until(() => acks.length === 1, 'consumed while the microphone is still on its way');
    assert.equal(producerCount, 1, 'only the camera was produced');
    microphone.resolve();
    await until(() => producerCount === 2, 'microphone produced');
    client.close();
  });

  describe('joining the room while waiting (join-tuning queuedJoin)', () => {
    it('joins and sends camera and microphone before the answer; the answer needs no second join', async () => {
      setTuning({ queuedJoin: true });
      const { server, client } = await connectedKiosk();
      await client.callStaff({});
      await until(() => server.home.count('produce') >= 2, 'camera and microphone sent while waiting');
      assert.equal(client.getSnapshot().callState, 'calling', 'still waiting for a specialist');
      assert.equal(server.home.count('joinRoom'), 1);
      assert.deepEqual(server.home.requests.filter((r) => r.event === 'produce').map((r) => r.payload['source']), ['camera', 'microphone']);

      server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
      await until(() => client.getSnapshot().callState === 'inCall', 'in the call');
      await settle();
      assert.equal(server.home.count('joinRoom'), 1, 'the transports made while waiting carry the call');
      assert.equal(server.home.count('produce'), 2);
      client.close();
    });

    it('a resident who stops waiting after the early join: camera, microphone and transports are released', async () => {
      setTuning({ queuedJoin: true });
      const { server, client, media } = await connectedKiosk();
      server.handle('cancelCall', () => null);
      await client.callStaff({});
      await until(() => server.home.count('produce') >= 2, 'sent while waiting');
      await client.cancelCall();
      await settle();
      assert.equal(client.getSnapshot().callState, 'idle');
      assert.deepEqual(server.home.last('cancelCall'), { consultationId: 's1' });
      assert.ok(media.stopped(), 'camera and microphone are stopped');
      assert.deepEqual(client.getSnapshot().media, { send: 'new', recv: 'new' });
      client.close();
    });

    it('an early join the server refuses costs only the head start: the answer joins the ordinary way', async () => {
      setTuning({ queuedJoin: true });
      const server = new FakeServer('kiosk');
      let joins = 0;
      server.handle('joinRoom', () => {
        joins += 1;
        if (joins === 1) throw new Refusal('INVALID_STATE', 'not answered yet');
        return { sendTransport: fakeTransport('send'), recvTransport: fakeTransport('recv'), peers: [] };
      });
      const { client } = await connectedKiosk(server);
      await client.callStaff({});
      await until(() => joins === 1, 'early join refused');
      await settle();
      assert.equal(client.getSnapshot().callState, 'calling', 'the call goes on waiting');
      assert.equal(client.getSnapshot().lastError, null, 'nothing to tell the resident');
      server.home.push('callAccepted', { consultationId: 's1', staffName: '佐藤' });
      await until(() => client.getSnapshot().callState === 'inCall' && server.home.count('produce') >= 2, 'joined at the answer');
      assert.equal(joins, 2);
      client.close();
    });

    it('after a transfer it joins the new consultation while waiting again', async () => {
      setTuning({ queuedJoin: true });
      const { server, client } = await inCall();
      server.home.push('transferred', { consultationId: 's1', newConsultationId: 's2', departmentName: '子育て支援課', queuePosition: 2 });
      await until(() => server.home.last('joinRoom')?.['consultationId'] === 's2', 'joined the new consultation');
      await until(() => server.home.requests.filter((r) => r.event === 'produce').length >= 4, 'sent again while waiting');
      assert.equal(client.getSnapshot().callState, 'calling');
      client.close();
    });
  });
});
