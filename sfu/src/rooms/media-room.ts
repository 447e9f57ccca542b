import type { types } from 'mediasoup';
import type {
  ConsumerOptions,
  DtlsParametersJson,
  IceParametersJson,
  IceProtocol,
  MediaKind,
  MediaSource,
  PeerRole,
  RtpCapabilitiesJson,
  TransportDirection,
  TransportOptions,
} from '@madoguchi/contract/media';
import type {
  ConnectPlainTransportOptions,
  PeerMediaPath,
  ConsumeOptions,
  MediaRoomApi,
  MediaRoomEvents,
  PlainTransportInfo,
  PlainTransportOptions,
  ProduceOptions,
  ProducerInfo,
  RoomMediaStats,
} from '../api';
import type { SfuConfig } from '../config/sfu-config';
import { SfuError, toSfuError } from '../errors';
import { MediaPeer } from './media-peer';
import { ProducerPipes } from './producer-pipes';
import { RoomRouters, type RoomRoutersOptions } from './room-routers';

interface ProducerAppData extends Record<string, unknown> {
  peerId: string;
  source: MediaSource;
}

export interface MediaRoomOptions extends Pick<RoomRoutersOptions, 'home' | 'placePeer' | 'createRouter'> {
  id: string;
  config: SfuConfig;
  /** `workerDied`: a router of the room died with its worker (or could not be created). */
  onClose: (room: MediaRoom, workerDied: boolean) => void;
}

/**
 * One consultation's media: a home Router, each peer's transports, producers and consumers.
 * Usually every peer is on the home router; when its worker is full, later peers go on a router
 * of the room on another worker and producers are piped between the two (see RoomRouters and
 * ProducerPipes). Closing the room closes its routers, which cascades to everything under them.
 */
export class MediaRoom implements MediaRoomApi {
  readonly id: string;
  private readonly peers = new Map<string, MediaPeer>();
  private readonly listeners: { [E in keyof MediaRoomEvents]: MediaRoomEvents[E][] } = { consumerClosed: [] };
  private readonly config: SfuConfig;
  private readonly routers: RoomRouters;
  private readonly pipes = new ProducerPipes();
  private readonly onClose: MediaRoomOptions['onClose'];
  private isClosed = false;

  constructor({ id, config, onClose, ...routers }: MediaRoomOptions) {
    this.id = id;
    this.config = config;
    this.onClose = onClose;
    this.routers = new RoomRouters({ ...routers, onFailure: () => this.closeRoom(true) });
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The pid of the home router's worker. */
  get workerPid(): number {
    return this.routers.homeSlot.worker.pid;
  }

  addPeer({ peerId, role, rtpCapabilities }: { peerId: string; role: PeerRole; rtpCapabilities: RtpCapabilitiesJson }): void {
    this.assertOpen();
    // A peer that joins again (reload, reconnect) starts from a clean slate, and is placed again.
    this.removePeer(peerId);
    const site = this.routers.add(peerId);
    this.peers.set(peerId, new MediaPeer({ id: peerId, role, rtpCapabilities, site }));
  }

  hasPeer(peerId: string): boolean {
    return this.peers.has(peerId);
  }

  async createTransport(peerId: string, direction: TransportDirection, protocol: IceProtocol = 'any'): Promise<TransportOptions> {
    const peer = this.peer(peerId);
    const { config } = this;
    const { slot } = peer.site;
    const router = await this.routerOf(peer);
    // TCP only: a browser behind a network that lets ICE's small UDP checks through but drops
    // the media would otherwise pick the UDP pair again and get nothing.
    const tcpOnly = protocol === 'tcp';
    const common = {
      enableUdp: !tcpOnly,
      enableTcp: protocol !== 'udp',
      preferUdp: !tcpOnly,
      preferTcp: tcpOnly,
      initialAvailableOutgoingBitrate: config.initialOutgoingBitrate,
      appData: { peerId, direction },
    };
    const transport = slot.webRtcServer
      ? await router.createWebRtcTransport({ ...common, webRtcServer: slot.webRtcServer })
      : await router.createWebRtcTransport({
          ...common,
          listenIps: [{ ip: config.listenIp, announcedIp: config.announcedIp }],
        });
    if (direction === 'send') {
      await transport.setMaxIncomingBitrate(config.maxIncomingBitrate).catch(() => undefined);
    }
    peer.transports.set(transport.id, transport);
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') transport.close();
    });
    transport.observer.on('close', () => peer.transports.delete(transport.id));
    return {
      id: transport.id,
      direction,
      iceParameters: transport.iceParameters as unknown as IceParametersJson,
      iceCandidates: transport.iceCandidates as unknown as TransportOptions['iceCandidates'],
      dtlsParameters: transport.dtlsParameters as unknown as DtlsParametersJson,
    };
  }

  peerMediaPath(peerId: string): PeerMediaPath | null {
    const peer = this.peers.get(peerId);
    if (!peer) return null;
    const webRtc = [...peer.transports.values()].filter((t): t is types.WebRtcTransport => 'iceParameters' in t);
    const connected = webRtc.length >= 2 && webRtc.every((t) => !t.closed && t.dtlsState === 'connected');
    const tuple = webRtc.find((t) => t.iceSelectedTuple)?.iceSelectedTuple;
    return { connected, protocol: tuple ? tuple.protocol : null };
  }

  async createPlainTransport(
    peerId: string,
    direction: TransportDirection,
    { enableSrtp, srtpCryptoSuite = 'AES_CM_128_HMAC_SHA1_80' }: PlainTransportOptions,
  ): Promise<PlainTransportInfo> {
    const peer = this.peer(peerId);
    const { config } = this;
    const router = await this.routerOf(peer);
    // No comedia: the remote address comes from connectPlainTransport(), as a browser's
    // would come from ICE, so RTP from anywhere else is dropped.
    const transport = await router
      .createPlainTransport({
        listenIp: { ip: config.listenIp, announcedIp: config.announcedIp },
        rtcpMux: true,
        comedia: false,
        enableSrtp,
        srtpCryptoSuite,
        appData: { peerId, direction },
      })
      .catch((error: unknown) => {
        throw toSfuError(error);
      });
    if (direction === 'send') {
      await transport.setMaxIncomingBitrate(config.maxIncomingBitrate).catch(() => undefined);
    }
    peer.transports.set(transport.id, transport);
    transport.observer.on('close', () => peer.transports.delete(transport.id));
    const { localIp, localPort } = transport.tuple;
    const info: PlainTransportInfo = { id: transport.id, direction, ip: localIp, port: localPort };
    if (transport.srtpParameters) info.srtpParameters = transport.srtpParameters;
    return info;
  }

  async connectPlainTransport({ peerId, transportId, ip, port, srtpParameters }: ConnectPlainTransportOptions): Promise<void> {
    const transport = this.peer(peerId).plainTransport(transportId);
    await transport.connect({ ip, port, srtpParameters }).catch((error: unknown) => {
      throw toSfuError(error);
    });
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void> {
    const transport = this.peer(peerId).webRtcTransport(transportId);
    await transport
      .connect({ dtlsParameters: dtlsParameters as unknown as types.DtlsParameters })
      .catch((error: unknown) => {
        throw toSfuError(error);
      });
  }

  async restartIce(peerId: string, transportId: string): Promise<IceParametersJson> {
    const transport = this.peer(peerId).webRtcTransport(transportId);
    const iceParameters = await transport.restartIce();
    return iceParameters as unknown as IceParametersJson;
  }

  async produce({ peerId, transportId, kind, source, rtpParameters }: ProduceOptions): Promise<ProducerInfo> {
    const peer = this.peer(peerId);
    const transport = peer.transport(transportId);
    if (transport.appData['direction'] !== 'send') {
      throw new SfuError('BAD_REQUEST', 'produce needs a send transport');
    }
    for (const existing of peer.producers.values()) {
      if ((existing.appData as ProducerAppData).source === source) {
        throw new SfuError('INVALID_STATE', `already producing ${source}`);
      }
    }
    const appData: ProducerAppData = { peerId, source };
    const producer = await transport
      .produce({ kind, rtpParameters: rtpParameters as unknown as types.RtpParameters, appData })
      .catch((error: unknown) => {
        throw toSfuError(error);
      });
    peer.producers.set(producer.id, producer);
    producer.observer.on('close', () => peer.producers.delete(producer.id));
    return this.describe(peer, producer);
  }

  closeProducer(peerId: string, producerId: string): void {
    const producer = this.peer(peerId).producers.get(producerId);
    if (!producer) throw SfuError.notFound(`producer ${producerId}`);
    producer.close();
  }

  producersFor(peerId: string): ProducerInfo[] {
    const result: ProducerInfo[] = [];
    for (const peer of this.peers.values()) {
      if (peer.id === peerId) continue;
      for (const producer of peer.producers.values()) result.push(this.describe(peer, producer));
    }
    return result;
  }

  async consume({ peerId, producerId }: ConsumeOptions): Promise<ConsumerOptions | null> {
    const peer = this.peer(peerId);
    const owner = this.ownerOf(producerId);
    const producer = owner?.producers.get(producerId);
    if (!owner || !producer) throw SfuError.notFound(`producer ${producerId}`);
    const router = await this.routerOf(peer);
    if (owner.site !== peer.site) {
      // The producer is on another worker: pipe it here (once per producer and router) so
      // that it exists on this router under the same id.
      const source = await this.routerOf(owner);
      await this.pipes.pipe({ producer, source, destination: router }).catch((error: unknown) => {
        throw toSfuError(error);
      });
    }
    const rtpCapabilities = peer.rtpCapabilities as unknown as types.RtpCapabilities;
    if (!router.canConsume({ producerId, rtpCapabilities })) return null;
    // Paused until the peer has set up its side: no RTP before its SDP, and the resume
    // triggers a key frame so the first picture arrives at once.
    const consumer = await peer
      .recvTransport()
      .consume({ producerId, rtpCapabilities, paused: true })
      .catch((error: unknown) => {
        throw toSfuError(error);
      });
    peer.consumers.set(consumer.id, consumer);
    const gone = (): void => {
      if (!peer.consumers.delete(consumer.id)) return;
      for (const listener of this.listeners.consumerClosed) listener(peer.id, consumer.id);
    };
    consumer.on('producerclose', gone);
    consumer.on('transportclose', gone);
    const { source } = producer.appData as ProducerAppData;
    return {
      consumerId: consumer.id,
      producerId,
      kind: consumer.kind as MediaKind,
      source,
      rtpParameters: consumer.rtpParameters as unknown as ConsumerOptions['rtpParameters'],
      peerRole: owner.role,
    };
  }

  async resumeConsumer(peerId: string, consumerId: string): Promise<void> {
    const consumer = this.peer(peerId).consumers.get(consumerId);
    if (!consumer) throw SfuError.notFound(`consumer ${consumerId}`);
    await consumer.resume();
  }

  removePeer(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    peer.close();
    this.routers.remove(peerId, peer.site);
  }

  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): void {
    this.listeners[event].push(listener);
  }

  /** Transports, producers, consumers and bytes moved so far, for metrics. */
  async mediaStats(): Promise<RoomMediaStats> {
    const stats: RoomMediaStats = { transports: 0, producers: 0, consumers: 0, bytesReceived: 0, bytesSent: 0 };
    for (const peer of this.peers.values()) {
      stats.transports += peer.transports.size;
      stats.producers += peer.producers.size;
      stats.consumers += peer.consumers.size;
      for (const transport of peer.transports.values()) {
        if (transport.closed) continue;
        const [transportStats] = await transport.getStats().catch(() => []);
        stats.bytesReceived += transportStats?.bytesReceived ?? 0;
        stats.bytesSent += transportStats?.bytesSent ?? 0;
      }
    }
    return stats;
  }

  close(): void {
    this.closeRoom(false);
  }

  private closeRoom(workerDied: boolean): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.routers.close();
    this.onClose(this, workerDied);
  }

  private peer(peerId: string): MediaPeer {
    this.assertOpen();
    const peer = this.peers.get(peerId);
    if (!peer) throw new SfuError('INVALID_STATE', 'join the room first');
    return peer;
  }

  private async routerOf(peer: MediaPeer): Promise<types.Router> {
    return peer.site.router.catch((error: unknown) => {
      throw toSfuError(error);
    });
  }

  private ownerOf(producerId: string): MediaPeer | undefined {
    for (const peer of this.peers.values()) if (peer.producers.has(producerId)) return peer;
    return undefined;
  }

  private describe(peer: MediaPeer, producer: types.Producer): ProducerInfo {
    const { source } = producer.appData as ProducerAppData;
    return { producerId: producer.id, peerId: peer.id, peerRole: peer.role, kind: producer.kind, source };
  }

  private assertOpen(): void {
    if (this.isClosed) throw SfuError.closed(`room ${this.id}`);
  }
}
