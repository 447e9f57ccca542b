/**
 * A room spanning two mediasoup workers (workerPeerLimit: 1): real RTP from UDP sockets into
 * plain transports, piped between the workers' routers, counted where the consumers send it.
 * The generator and the sink are the bench's own (test/bench/sfu-load).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { createSfu, type MediaRoomApi, type SfuApi, type WorkerStats } from '@madoguchi/sfu';
import { OPUS_PAYLOAD_TYPE, RECEIVER_RTP_CAPABILITIES, producerRtpParameters } from '../bench/sfu-load/consultation-shape';
import { consumerSsrcOf } from '../bench/sfu-load/consultation-rig';
import type { MediaClip } from '../bench/sfu-load/media-clips';
import { RtpSink } from '../bench/sfu-load/rtp-sink';
import { RtpStream } from '../bench/sfu-load/rtp-stream';
import { until } from '../helpers/poll';

const LOCALHOST = '127.0.0.1';
/** 20 ms opus-sized frames: 50 packets a second, enough to count without loading the machine. */
const VOICE: MediaClip = Object.freeze({
  name: 'voice',
  kind: 'audio',
  frames: Array.from({ length: 50 }, () => randomBytes(80)),
  frameDurationMs: 20,
  timestampStep: 960,
  bitrate: 32_000,
});
/** Half a second of what VOICE sends. */
const ENOUGH_PACKETS = 25;

const counts = (workers: WorkerStats[]) => ({
  rooms: workers.map((w) => w.rooms),
  peers: workers.map((w) => w.peers),
  routers: workers.map((w) => w.routers),
});

/** One side of a call: a generator socket into its send transport, a sink behind its receive transport. */
class RtpPeer {
  readonly sink = new RtpSink();
  private readonly streams: RtpStream[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    readonly id: string,
    private readonly room: MediaRoomApi,
    private readonly generator: Socket,
    private readonly receiver: Socket,
    private readonly sendTransportId: string,
  ) {}

  static async join(room: MediaRoomApi, id: string): Promise<RtpPeer> {
    room.addPeer({ peerId: id, role: id === 'A' ? 'kiosk' : 'staff', rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
    const [generator, receiver] = await Promise.all([bound(), bound()]);
    const send = await room.createPlainTransport(id, 'send', { enableSrtp: false });
    const recv = await room.createPlainTransport(id, 'recv', { enableSrtp: false });
    await room.connectPlainTransport({ peerId: id, transportId: send.id, ip: LOCALHOST, port: generator.address().port });
    await room.connectPlainTransport({ peerId: id, transportId: recv.id, ip: LOCALHOST, port: receiver.address().port });
    generator.connect(send.port, LOCALHOST);
    await once(generator, 'connect');
    return new RtpPeer(id, room, generator, receiver, send.id);
  }

  /** Produces a microphone and starts sending its RTP. */
  async produce(): Promise<string> {
    const ssrc = randomInt(1, 2 ** 32 - 1);
    const { producerId } = await this.room.produce({
      peerId: this.id,
      transportId: this.sendTransportId,
      kind: 'audio',
      source: 'microphone',
      rtpParameters: producerRtpParameters('audio', ssrc),
    });
    const send = (packet: Buffer): void => this.generator.send(packet);
    this.streams.push(new RtpStream({ clip: VOICE, ssrc, payloadType: OPUS_PAYLOAD_TYPE, srtp: undefined, send, startMs: performance.now() }));
    this.timer ??= setInterval(() => {
      for (const stream of this.streams) stream.pump(performance.now());
    }, 5);
    return producerId;
  }

  /** Consumes and resumes a producer; returns the consumer id and the SSRC its packets carry. */
  async consume(producerId: string): Promise<{ consumerId: string; ssrc: number }> {
    const consumer = await this.room.consume({ peerId: this.id, producerId });
    assert.ok(consumer, `${this.id} can consume ${producerId}`);
    const ssrc = consumerSsrcOf(consumer.rtpParameters);
    this.sink.attach(this.receiver, [ssrc], undefined);
    await this.room.resumeConsumer(this.id, consumer.consumerId);
    return { consumerId: consumer.consumerId, ssrc };
  }

  received(ssrc: number): number {
    return this.sink.snapshot().perSsrc.get(ssrc)?.received ?? 0;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.generator.close();
    this.receiver.close();
  }
}

async function bound(): Promise<Socket> {
  const socket = createSocket('udp4');
  // A connected socket sending to a transport the SFU just closed gets ICMP port unreachable,
  // reported as ECONNREFUSED: expected when a peer leaves.
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNREFUSED') throw error;
  });
  socket.bind(0, LOCALHOST);
  await once(socket, 'listening');
  return socket;
}

describe('a room spanning two mediasoup workers (workerPeerLimit: 1)', () => {
  let sfu: SfuApi;
  let room: MediaRoomApi;
  let a: RtpPeer;
  let b: RtpPeer;
  let producerOfA: string;
  let consumerOfB: { consumerId: string; ssrc: number };
  const closedConsumers: [string, string][] = [];

  before(async () => {
    sfu = await createSfu({ workers: 2, workerPeerLimit: 1, listenIp: LOCALHOST, rtcMinPort: 30000, rtcMaxPort: 30999 });
    room = await sfu.createRoom('spanning');
    room.on('consumerClosed', (peerId, consumerId) => closedConsumers.push([peerId, consumerId]));
  });
  after(async () => {
    a?.close();
    b?.close();
    await sfu?.close();
  });

  it('places the second peer on the other worker once the home worker is full', async () => {
    a = await RtpPeer.join(room, 'A');
    b = await RtpPeer.join(room, 'B');
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [1, 1], routers: [1, 1] });
  });

  it('pipes a producer to the other worker: B receives the RTP A sends', async () => {
    producerOfA = await a.produce();
    // A second consume at the same moment shares the one pipe: a second pipeToRouter() for the
    // same router pair would fail on the duplicate producer id.
    const [consumer, second] = await Promise.all([b.consume(producerOfA), room.consume({ peerId: 'B', producerId: producerOfA })]);
    assert.ok(second, 'the concurrent consume succeeds too');
    consumerOfB = consumer;
    const received = await until(async () => b.received(consumerOfB.ssrc), (count) => count >= ENOUGH_PACKETS, { what: 'RTP at B' });
    assert.ok(received >= ENOUGH_PACKETS, `B received ${received} packets`);
  });

  it('pipes the other way too: A receives the RTP B sends', async () => {
    const producerOfB = await b.produce();
    const { ssrc } = await a.consume(producerOfB);
    const received = await until(async () => a.received(ssrc), (count) => count >= ENOUGH_PACKETS, { what: 'RTP at A' });
    assert.ok(received >= ENOUGH_PACKETS, `A received ${received} packets`);
  });

  it("reports B's consumer closed when A's producer closes on the other worker", async () => {
    room.closeProducer('A', producerOfA);
    await until(
      async () => closedConsumers.some(([peerId, consumerId]) => peerId === 'B' && consumerId === consumerOfB.consumerId),
      Boolean,
      { what: 'consumerClosed for B' },
    );
  });

  it("frees the second worker's peer and router when B leaves, and everything when the room closes", async () => {
    b.close();
    room.removePeer('B');
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [1, 0], routers: [1, 0] });
    // A's consumer of B's producer goes with B.
    await until(async () => closedConsumers.some(([peerId]) => peerId === 'A'), Boolean, { what: 'consumerClosed for A' });
    room.close();
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [0, 0], peers: [0, 0], routers: [0, 0] });
  });
});

describe('placement without spanning', () => {
  let sfu: SfuApi;
  before(async () => {
    sfu = await createSfu({ workers: 2, listenIp: LOCALHOST, rtcMinPort: 31000, rtcMaxPort: 31999 });
  });
  after(async () => {
    await sfu?.close();
  });

  it('keeps both peers of a room on one worker with the default limit', async () => {
    const room = await sfu.createRoom('small');
    for (const peerId of ['A', 'B']) room.addPeer({ peerId, role: 'staff', rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [2, 0], routers: [1, 0] });
    // A peer that joins again is placed again, not counted twice.
    room.addPeer({ peerId: 'B', role: 'staff', rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
    assert.deepEqual(counts((await sfu.stats()).workers).peers, [2, 0]);
    room.close();
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [0, 0], peers: [0, 0], routers: [0, 0] });
  });
});

describe('a room over the limit with two peers to place elsewhere', () => {
  let sfu: SfuApi;
  before(async () => {
    sfu = await createSfu({ workers: 2, workerPeerLimit: 2, listenIp: LOCALHOST, rtcMinPort: 31000, rtcMaxPort: 31999 });
  });
  after(async () => {
    await sfu?.close();
  });

  it('puts them on one router of the room, closed only when the last of them leaves', async () => {
    const room = await sfu.createRoom('four');
    for (const peerId of ['A', 'B', 'C', 'D']) room.addPeer({ peerId, role: 'staff', rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [2, 2], routers: [1, 1] });
    room.removePeer('C');
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [2, 1], routers: [1, 1] });
    room.removePeer('D');
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [1, 0], peers: [2, 0], routers: [1, 0] });
    room.close();
    assert.deepEqual(counts((await sfu.stats()).workers), { rooms: [0, 0], peers: [0, 0], routers: [0, 0] });
  });
});

describe('a spanning room when one of its workers dies', () => {
  let sfu: SfuApi;
  before(async () => {
    sfu = await createSfu({ workers: 2, workerPeerLimit: 1, listenIp: LOCALHOST, rtcMinPort: 31000, rtcMaxPort: 31999 });
  });
  after(async () => {
    await sfu?.close();
  });

  it('fails the whole room and leaves the surviving worker with no load', async () => {
    const failed: string[] = [];
    sfu.onRoomsFailed((roomIds) => failed.push(...roomIds));
    const room = await sfu.createRoom('doomed');
    for (const peerId of ['A', 'B']) room.addPeer({ peerId, role: 'staff', rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
    // Transports on both workers make sure the second router exists before its worker dies.
    await room.createPlainTransport('A', 'recv', { enableSrtp: false });
    await room.createPlainTransport('B', 'recv', { enableSrtp: false });
    const before = (await sfu.stats()).workers;
    assert.deepEqual(counts(before).peers, [1, 1]);
    const victim = before[1]?.pid as number;
    process.kill(victim, 'SIGKILL');
    await until(async () => failed.includes('doomed'), Boolean, { what: 'the room to fail' });
    assert.equal(room.closed, true);
    // The pool replaces the dead worker; stats() throws until it has.
    const after = await until(
      () => sfu.stats().then((stats) => stats.workers, () => undefined),
      (workers) => workers !== undefined && workers[1]?.pid !== victim,
      { what: 'a replacement worker' },
    );
    assert.ok(after);
    assert.deepEqual(counts(after), { rooms: [0, 0], peers: [0, 0], routers: [0, 0] });
  });
});
