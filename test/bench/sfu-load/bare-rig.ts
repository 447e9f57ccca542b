/**
 * The baseline: the same consultations on a mediasoup worker with nothing of ours around it,
 * one Router per consultation as our rooms do.
 */
import { randomInt } from 'node:crypto';
import { createWorker, type types } from 'mediasoup';
import type { BenchPeer as PeerRole } from './consultation-shape';
import { mediaCodecs } from '../../../sfu/src/config/sfu-config';
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

interface BarePeer extends WiredPeer {
  send: types.PlainTransport;
  recv: types.PlainTransport;
}

export class BareRig implements ConsultationRig {
  readonly name = 'bare';
  private routers: types.Router[] = [];

  private constructor(
    private readonly worker: types.Worker,
    private readonly options: RigOptions,
  ) {}

  static async start(options: RigOptions): Promise<BareRig> {
    const worker = await createWorker({ logLevel: 'warn', rtcMinPort: 40000, rtcMaxPort: 49999 });
    return new BareRig(worker, options);
  }

  get workerPid(): number {
    return this.worker.pid;
  }

  async workerUsage(): Promise<WorkerUsage> {
    const usage = await this.worker.getResourceUsage();
    return { cpuMs: usage.ru_utime + usage.ru_stime, maxRssKb: usage.ru_maxrss };
  }

  async openConsultation(_index: number, endpoints: Record<PeerRole, PeerEndpoints>): Promise<WiredConsultation> {
    const router = await this.worker.createRouter({ mediaCodecs });
    this.routers.push(router);
    const peers = {} as Record<PeerRole, BarePeer>;
    for (const role of PEER_ROLES) peers[role] = await this.wirePeer(router, endpoints[role]);
    const rtpCapabilities = RECEIVER_RTP_CAPABILITIES as unknown as types.RtpCapabilities;
    const streams: WiredStream[] = [];
    for (const spec of CONSULTATION_STREAMS) {
      const producerSsrc = randomInt(1, 2 ** 32 - 1);
      const producer = await peers[spec.peer].send.produce({
        kind: spec.kind,
        rtpParameters: producerRtpParameters(spec.kind, producerSsrc) as unknown as types.RtpParameters,
      });
      const receiver = spec.peer === 'kiosk' ? 'staff' : 'kiosk';
      const consumer = await peers[receiver].recv.consume({ producerId: producer.id, rtpCapabilities, paused: true });
      await consumer.resume();
      streams.push({ spec, producerSsrc, consumerSsrc: consumerSsrcOf(consumer.rtpParameters) });
    }
    return { peers, streams };
  }

  async closeConsultations(): Promise<void> {
    for (const router of this.routers) router.close();
    this.routers = [];
  }

  async close(): Promise<void> {
    await this.closeConsultations();
    this.worker.close();
  }

  private async wirePeer(router: types.Router, endpoints: PeerEndpoints): Promise<BarePeer> {
    const { srtp } = this.options;
    const transportOptions = {
      listenIp: LOCALHOST,
      rtcpMux: true,
      comedia: false,
      enableSrtp: srtp,
      srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const,
    };
    const send = await router.createPlainTransport(transportOptions);
    const recv = await router.createPlainTransport(transportOptions);
    const keys = (keyBase64: string | undefined) =>
      srtp && keyBase64 ? { cryptoSuite: 'AES_CM_128_HMAC_SHA1_80' as const, keyBase64 } : undefined;
    await send.connect({ ip: LOCALHOST, port: endpoints.generatorPort, srtpParameters: keys(endpoints.generatorKey) });
    await recv.connect({ ip: LOCALHOST, port: endpoints.sinkPort, srtpParameters: keys(endpoints.sinkKey) });
    return { send, recv, sendPort: send.tuple.localPort, recvKey: recv.srtpParameters?.keyBase64 };
  }
}
