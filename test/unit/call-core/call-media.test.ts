// CallMedia (client/call-core/src/call-media.ts): the two transports of a join on a real
// mediasoup-client Device with its FakeHandler, its signalling over the fake Socket.IO server
// (createMediaSignalling, as the call client wires it), ICE restarts on node:test's fake clock.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import type { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';
import type { TransportDirection } from '@madoguchi/contract/media-types';
import type { RtpParametersJson } from '@madoguchi/contract/media-types';
import { CallError } from '@madoguchi/call-core/call-error';
import { CallMedia } from '@madoguchi/call-core/call-media';
import type { RemoteTrack } from '@madoguchi/call-core/call-types';
import { createMediaSignalling } from '@madoguchi/call-core/media-signalling';
import type { ReconnectPolicy } from '@madoguchi/call-core/reconnect-policy';
import type { SignallingSocket } from '@madoguchi/call-core/signalling';
import { FakeServer, Refusal, fakeDevice, fakeTransport, settle, until } from './fake-signalling';
import type { FakeSocket, types } from './fake-signalling';

const open: CallMedia[] = [];
afterEach(() => {
  for (const media of open.splice(0)) media.close();
  mock.timers.reset();
});

/** Restarts after a fixed second, at most `tries` times. */
function fixedPolicy(tries = 3): ReconnectPolicy {
  return { nextRetryDelayMs: ({ retryCount }) => (retryCount < tries ? 1_000 : null) };
}

interface Setup {
  server: FakeServer;
  socket: FakeSocket;
  media: CallMedia;
  /** Sets a transport's ICE/DTLS state as the browser would report it. */
  setState(direction: TransportDirection, state: types.ConnectionState): void;
  failures: CallError[];
}

async function callMedia(icePolicy = fixedPolicy()): Promise<Setup> {
  const server = new FakeServer('kiosk');
  server.handle('restartIce', () => ({ iceParameters: fakeParameters.generateTransportRemoteParameters().iceParameters }));
  const socket = server.createSocket({ url: undefined } as never) as unknown as FakeSocket;
  socket.connect();
  await until(() => socket.connected, 'socket connected');
  const device = await fakeDevice();
  await device.load({ routerRtpCapabilities: fakeParameters.generateRouterRtpCapabilities() });
  const handlers = new Map<TransportDirection, FakeHandler>();
  device.observer.on('newtransport', (transport: types.Transport) => {
    handlers.set(transport.direction, transport.handler as FakeHandler);
  });
  const media = new CallMedia({
    device,
    sendTransport: fakeTransport('send'),
    recvTransport: fakeTransport('recv'),
    signalling: createMediaSignalling(socket as unknown as SignallingSocket, 's1', 1_000),
    icePolicy,
  });
  open.push(media);
  const failures: CallError[] = [];
  media.on('failed', (error) => failures.push(error));
  return {
    server,
    socket,
    media,
    failures,
    setState: (direction, state) => {
      const handler = handlers.get(direction);
      if (!handler) throw new Error(`no ${direction} transport`);
      handler.setConnectionState(state);
    },
  };
}

function cameraAndMicrophone(): MediaStream {
  const tracks = [new FakeMediaStreamTrack({ kind: 'audio' }), new FakeMediaStreamTrack({ kind: 'video' })];
  return { getTracks: () => [...tracks] } as unknown as MediaStream;
}

function offer(kind: 'audio' | 'video', consumerId: string) {
  const remote = fakeParameters.generateConsumerRemoteParameters({ codecMimeType: kind === 'audio' ? 'audio/opus' : 'video/VP8' });
  return {
    consumerId,
    producerId: remote.producerId,
    kind,
    source: kind === 'audio' ? ('microphone' as const) : ('camera' as const),
    peerRole: 'staff' as const,
    rtpParameters: remote.rtpParameters as unknown as RtpParametersJson,
  };
}

describe('CallMedia (FakeHandler Device, fake socket)', () => {
  it('sends camera and microphone with their sources, connecting the send transport once', async () => {
    const { socket, media } = await callMedia();
    await media.produceLocal(cameraAndMicrophone());
    const produced = socket.requests.filter((r) => r.event === 'produce').map((r) => [r.payload['kind'], r.payload['source'], r.payload['consultationId']]);
    assert.deepEqual(produced.sort(), [
      ['audio', 'microphone', 's1'],
      ['video', 'camera', 's1'],
    ]);
    assert.equal(socket.count('connectTransport'), 1);
  });

  it('an extra track is produced with its own source and closed on the server too; after close() nothing more is produced', async () => {
    const { socket, media } = await callMedia();
    const producerId = await media.produceTrack(new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack, 'screen');
    assert.equal(socket.last('produce')?.['source'], 'screen');
    await media.closeProducer(producerId);
    assert.deepEqual(socket.last('closeProducer'), { consultationId: 's1', producerId });
    await media.closeProducer(producerId); // twice: nothing more
    assert.equal(socket.count('closeProducer'), 1);
    media.close();
    assert.equal(media.closed, true);
    await assert.rejects(media.produceTrack(new FakeMediaStreamTrack({ kind: 'video' }) as unknown as MediaStreamTrack, 'screen'), (e: unknown) => e instanceof CallError && e.code === 'INVALID_STATE');
    assert.equal(await media.getStats('send'), null);
  });

  it('consumes what the other side sends and takes each track away again, all of them at close()', async () => {
    const { media } = await callMedia();
    const added: RemoteTrack[] = [];
    const removed: string[] = [];
    media.on('remoteTrackAdded', (track) => added.push(track));
    media.on('remoteTrackRemoved', (track) => removed.push(track.consumerId));
    await media.consume(offer('audio', 'c-audio'));
    await media.consume(offer('video', 'c-video'));
    assert.deepEqual(added.map((t) => [t.consumerId, t.source, t.peerRole]), [
      ['c-audio', 'microphone', 'staff'],
      ['c-video', 'camera', 'staff'],
    ]);
    media.closeConsumer('c-audio');
    assert.deepEqual(removed, ['c-audio']);
    media.close();
    assert.deepEqual(removed, ['c-audio', 'c-video']);
    await assert.rejects(media.consume(offer('audio', 'late')), (e: unknown) => e instanceof CallError);
  });

  it('a failed transport restarts ICE after the policy’s delay; connected again, it restarts no more', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { socket, media, setState } = await callMedia();
    await media.produceLocal(cameraAndMicrophone());
    setState('send', 'failed');
    mock.timers.tick(999);
    await settle();
    assert.equal(socket.count('restartIce'), 0);
    mock.timers.tick(1);
    await until(() => socket.count('restartIce') === 1, 'ICE restarted');
    assert.equal(socket.last('restartIce')?.['transportId'], socket.requests.find((r) => r.event === 'connectTransport')?.payload['transportId']);
    setState('send', 'connected');
    setState('send', 'failed');
    mock.timers.tick(1_000);
    await until(() => socket.count('restartIce') === 2, 'a new failure starts afresh');
  });

  it('a short 「disconnected」 heals by itself; one that lasts two seconds is restarted like a failure', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { socket, setState } = await callMedia();
    setState('recv', 'disconnected');
    mock.timers.tick(500);
    setState('recv', 'connected');
    mock.timers.tick(5_000);
    await settle();
    assert.equal(socket.count('restartIce'), 0, 'healed within the grace');
    setState('recv', 'disconnected');
    mock.timers.tick(2_000); // the grace
    mock.timers.tick(1_000); // the policy's delay
    await until(() => socket.count('restartIce') === 1, 'restarted');
  });

  it('the server no longer knows the transport: failed at once, no more tries', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { server, socket, setState, failures } = await callMedia();
    server.handle('restartIce', () => {
      throw new Refusal('NOT_FOUND');
    });
    setState('send', 'failed');
    mock.timers.tick(1_000);
    await until(() => failures.length === 1, 'failed');
    assert.equal(failures[0]?.code, 'NOT_FOUND');
    mock.timers.tick(10_000);
    await settle();
    assert.equal(socket.count('restartIce'), 1);
  });

  it('restarts that keep being refused for a passing reason are retried until the policy gives up', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { server, socket, setState, failures } = await callMedia(fixedPolicy(2));
    server.handle('restartIce', () => {
      throw new Refusal('UNAVAILABLE');
    });
    setState('recv', 'failed');
    for (let i = 1; i <= 2; i += 1) {
      mock.timers.tick(1_000);
      await until(() => socket.count('restartIce') === i, `try ${i}`);
      await settle();
    }
    await until(() => failures.length === 1, 'given up');
    assert.equal(socket.count('restartIce'), 2);
  });

  it('closed while a restart waits: the restart is never sent', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { socket, media, setState } = await callMedia();
    setState('send', 'failed');
    media.close();
    mock.timers.tick(5_000);
    await settle();
    assert.equal(socket.count('restartIce'), 0);
  });
});

/**
 * A desk standing by has a placeholder sender (warmSend: a canvas track never drawn on). Node has
 * no canvas: a stand-in document gives warmSend a fake video track to negotiate with.
 */
describe('CallMedia: the camera takes over the standby\'s placeholder sender (join-tuning cameraOnPlaceholder)', () => {
  const placeholderTracks: FakeMediaStreamTrack[] = [];
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete globals['document'];
    delete globals['__madoguchiJoinTuning'];
    placeholderTracks.splice(0);
  });
  const withCanvas = (): void => {
    globals['document'] = {
      createElement: () => ({
        captureStream: () => {
          const track = new FakeMediaStreamTrack({ kind: 'video' });
          placeholderTracks.push(track);
          return { getVideoTracks: () => [track] };
        },
      }),
    };
  };
  const camera = (): { stream: MediaStream; video: FakeMediaStreamTrack } => {
    const video = new FakeMediaStreamTrack({ kind: 'video' });
    const tracks = [new FakeMediaStreamTrack({ kind: 'audio' }), video];
    return { stream: { getTracks: () => [...tracks] } as unknown as MediaStream, video };
  };
  /** The local producer the call keeps under a server id (a private of CallMedia's). */
  const localProducer = (media: CallMedia, producerId: string): types.Producer | undefined =>
    (media as unknown as { producers: Map<string, types.Producer> }).producers.get(producerId);
  const placeholderSender = (media: CallMedia): Promise<types.Producer | null> | null =>
    (media as unknown as { placeholderSender: Promise<types.Producer | null> | null }).placeholderSender;

  it('one produce per track reaches the server; the camera\'s is the placeholder\'s negotiated sender, whose own track is stopped', async () => {
    withCanvas();
    const { socket, media } = await callMedia();
    media.warmSend();
    await settle();
    assert.equal(socket.count('produce'), 0, 'the placeholder is never produced at the server');
    const placeholder = await placeholderSender(media);
    assert.ok(placeholder);
    const { stream, video } = camera();
    let cameraAnnounced = 0;
    await media.produceLocal(stream, () => (cameraAnnounced += 1));
    const produced = socket.requests.filter((r) => r.event === 'produce');
    assert.deepEqual(produced.map((r) => r.payload['source']).sort(), ['camera', 'microphone']);
    assert.equal(cameraAnnounced, 1);
    const videoProduce = produced.find((r) => r.payload['source'] === 'camera');
    assert.ok(videoProduce && (videoProduce.payload['rtpParameters'] as { encodings: unknown[] }).encodings.length > 0);
    // The server's id is the one the call uses from now on, for the placeholder's sender now carrying the camera.
    const cameraId = `producer-${produced.indexOf(videoProduce) + 1}`;
    assert.equal(localProducer(media, cameraId), placeholder);
    assert.equal(placeholder.track, video as unknown as MediaStreamTrack);
    // Negotiated as a camera (no placeholder's bitrate cap).
    assert.equal((videoProduce.payload['rtpParameters'] as { encodings: { maxBitrate?: number }[] }).encodings[0]?.maxBitrate, undefined);
    assert.equal(placeholderTracks[0]?.readyState, 'ended', 'the placeholder\'s canvas track is stopped');
    assert.equal(video.readyState, 'live', 'the camera is the call\'s, not stopped by the producer');
    assert.equal(media.isProducerPaused(cameraId), false);
    await media.closeProducer(cameraId);
    assert.deepEqual(socket.last('closeProducer'), { consultationId: 's1', producerId: cameraId });
  });

  it('a camera the server refuses is not left in the placeholder\'s sender: the join fails as any refused produce does', async () => {
    withCanvas();
    const { server, media } = await callMedia();
    media.warmSend();
    await settle();
    const placeholder = await placeholderSender(media);
    server.handle('produce', () => {
      throw new Refusal('FORBIDDEN', 'not in this call');
    });
    await assert.rejects(media.produceLocal(camera().stream), (e: unknown) => e instanceof CallError && e.code === 'FORBIDDEN');
    assert.equal(placeholder?.closed, true, 'its sender closed, the camera no longer sent');
    assert.equal(placeholderSender(media), null, 'taken once, never again');
  });

  it('with the switch off the camera gets a sender of its own and the placeholder stays unused', async () => {
    withCanvas();
    globals['__madoguchiJoinTuning'] = { cameraOnPlaceholder: false };
    const { socket, media } = await callMedia();
    media.warmSend();
    await settle();
    await media.produceLocal(camera().stream);
    assert.equal(socket.count('produce'), 2);
    assert.equal(placeholderTracks[0]?.readyState, 'live', 'the placeholder keeps its canvas track until the media closes');
    media.close();
    assert.equal(placeholderTracks[0]?.readyState, 'ended');
  });
});

