/** Consultations through our media layer: createSfu(), one MediaRoom per consultation. */
import { randomInt } from 'node:crypto';
import { observer, type types } from 'mediasoup';
import type { BenchPeer as PeerRole } from './consultation-shape';
import { createSfu, type MediaRoomApi, type SfuApi } from '@madoguchi/sfu';
import { CONSULTATION_STREAMS, PEER_ROLES, RECEIVER_RTP_CAPABILITIES, producerRtpParameters } from './consultation-shape';
import {
  consumerSsrcOf,
  type ConsultationRig,
  type PeerEndpoints,
  type RigOptions,
  type WiredPeer,
  type WiredConsultation,
  type WiredStream,
  type WorkerUsage,
} from './consultation-rig';

const LOCALHOST = '127.0.0.1';

export class OursRig implements ConsultationRig {
  readonly name = 'ours';
  private rooms: MediaRoomApi[] = [];

  private constructor(
    readonly sfu: SfuApi,
    private readonly worker: types.Worker,
    private readonly options: RigOptions,
  ) {}

  static async start(options: RigOptions): Promise<OursRig> {
    // The layer hides its Worker; mediasoup's observer hands us the same object, so CPU is read
    // with getResourceUsage() like the bare worker's, without sfu.stats() polling every transport.
    let worker: types.Worker | undefined;
    const onWorker = (created: types.Worker): void => void (worker = created);
    observer.on('newworker', onWorker);
    const sfu = await createSfu({ workers: 1, listenIp: LOCALHOST, logLevel: 'warn' }).finally(() =>
      observer.off('newworker', onWorker),
    );
    if (!worker) throw new Error('createSfu() started no mediasoup worker');
    return new OursRig(sfu, worker, options);
  }

  get workerPid(): number {
    return this.worker.pid;
  }

  async workerUsage(): Promise<WorkerUsage> {
    const usage = await this.worker.getResourceUsage();
    return { cpuMs: usage.ru_utime + usage.ru_stime, maxRssKb: usage.ru_maxrss };
  }

  async openConsultation(index: number, endpoints: Record<PeerRole, PeerEndpoints>): Promise<WiredConsultation> {
    const room = await this.sfu.createRoom(`bench-${index}`);
    this.rooms.push(room);
    const peers = {} as Record<PeerRole, WiredPeer & { sendTransportId: string }>;
    for (const role of PEER_ROLES) {
      room.addPeer({ peerId: role, role, rtpCapabilities: RECEIVER_RTP_CAPABILITIES });
      peers[role] = await this.wirePeer(room, role, endpoints[role]);
    }
    const streams: WiredStream[] = [];
    for (const spec of CONSULTATION_STREAMS) {
      const producerSsrc = randomInt(1, 2 ** 32 - 1);
      const producer = await room.produce({
        peerId: spec.peer,
        transportId: peers[spec.peer].sendTransportId,
        kind: spec.kind,
        source: spec.source,
        rtpParameters: producerRtpParameters(spec.kind, producerSsrc),
      });
      const receiver = spec.peer === 'kiosk' ? 'staff' : 'kiosk';
      const consumer = await room.consume({ peerId: receiver, producerId: producer.producerId });
      if (!consumer) throw new Error(`${receiver} cannot consume ${spec.source}`);
      await room.resumeConsumer(receiver, consumer.consumerId);
      streams.push({ spec, producerSsrc, consumerSsrc: consumerSsrcOf(consumer.rtpParameters) });
    }
    return { peers, streams };
  }

  async closeConsultations(): Promise<void> {
    for (const room of this.rooms) room.close();
    this.rooms = [];
  }

  async close(): Promise<void> {
    await this.closeConsultations();
    await this.sfu.close();
  }

  private async wirePeer(
    room: MediaRoomApi,
    role: PeerRole,
    endpoints: PeerEndpoints,
  ): Promise<WiredPeer & { sendTransportId: string }> {
    const { srtp } = this.options;
    const send = await room.createPlainTransport(role, 'send', { enableSrtp: srtp });
    const recv = await room.createPlainTransport(role, 'recv', { enableSrtp: srtp });
    const keys = (keyBase64: string | undefined) =>
      srtp && keyBase64 ? { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const, keyBase64 } : undefined;
    await room.connectPlainTransport({
      peerId: role,
      transportId: send.id,
      ip: LOCALHOST,
      port: endpoints.generatorPort,
      srtpParameters: keys(endpoints.generatorKey),
    });
    await room.connectPlainTransport({
      peerId: role,
      transportId: recv.id,
      ip: LOCALHOST,
      port: endpoints.sinkPort,
      srtpParameters: keys(endpoints.sinkKey),
    });
    return { sendPort: send.port, recvKey: recv.srtpParameters?.keyBase64, sendTransportId: send.id };
  }
}
