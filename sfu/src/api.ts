import type {
  ConsumerOptions,
  DtlsParametersJson,
  IceParametersJson,
  IceProtocol,
  MediaPathInfo,
  MediaKind,
  MediaSource,
  PeerRole,
  RtpCapabilitiesJson,
  RtpParametersJson,
  TransportDirection,
  TransportOptions,
} from '@madoguchi/contract/media';

/**
 * The only surface the server sees of the media layer. No mediasoup type crosses it, so the
 * SFU can move behind an RPC boundary later without touching the server.
 */
export interface SfuApi {
  /** Identical for every room (same codec list), so clients can load it before a call. */
  readonly routerRtpCapabilities: RtpCapabilitiesJson;
  /** Where browsers must reach the media sockets, and how long they may take to: told to clients. */
  readonly mediaPath: MediaPathInfo;
  createRoom(roomId: string): Promise<MediaRoomApi>;
  getRoom(roomId: string): MediaRoomApi | undefined;
  /** Called with the ids of the rooms that died with their worker. */
  onRoomsFailed(listener: (roomIds: string[]) => void): void;
  stats(): Promise<SfuStats>;
  close(): Promise<void>;
}

/** Whether a peer's transports carry media, and over what; for attributing a media failure. */
export interface PeerMediaPath {
  /** Both of its WebRTC transports have finished DTLS. */
  connected: boolean;
  /** The protocol of the selected ICE pair, once there is one. */
  protocol: 'udp' | 'tcp' | null;
}

export interface ProduceOptions {
  peerId: string;
  transportId: string;
  kind: MediaKind;
  source: MediaSource;
  rtpParameters: RtpParametersJson;
}

/** SRTP keying of one side of a plain transport (mediasoup's SrtpParameters as JSON). */
export interface SrtpParametersJson {
  cryptoSuite: 'AES_CM_128_HMAC_SHA1_80' | 'AES_CM_128_HMAC_SHA1_32' | 'AEAD_AES_128_GCM' | 'AEAD_AES_256_GCM';
  /** Master key followed by master salt, in Base64. */
  keyBase64: string;
}

/**
 * A plain RTP transport (no ICE, no DTLS, RTCP muxed): for load generators and benchmarks that
 * send and receive RTP from a fixed local address instead of a browser. Not offered to clients.
 */
export interface PlainTransportOptions {
  /** Protect RTP with SRTP using `srtpCryptoSuite` (AES_CM_128_HMAC_SHA1_80 when omitted). */
  enableSrtp: boolean;
  srtpCryptoSuite?: SrtpParametersJson['cryptoSuite'];
}

export interface PlainTransportInfo {
  id: string;
  direction: TransportDirection;
  /** Where the SFU receives RTP and RTCP for this transport. */
  ip: string;
  port: number;
  /** The keys the SFU protects what it sends with; present when SRTP is on. */
  srtpParameters?: SrtpParametersJson;
}

export interface ConnectPlainTransportOptions {
  peerId: string;
  transportId: string;
  /** The remote address the SFU sends to; RTP from any other address is ignored. */
  ip: string;
  port: number;
  /** The keys the remote side protects what it sends with; required when SRTP is on. */
  srtpParameters?: SrtpParametersJson;
}

export interface ConsumeOptions {
  /** The peer that receives. */
  peerId: string;
  producerId: string;
}

export interface ProducerInfo {
  producerId: string;
  peerId: string;
  peerRole: PeerRole;
  kind: MediaKind;
  source: MediaSource;
}

export interface MediaRoomEvents {
  /** A consumer went away because its producer or transport closed. */
  consumerClosed: (peerId: string, consumerId: string) => void;
}

export interface MediaRoomApi {
  readonly id: string;
  readonly closed: boolean;
  addPeer(options: { peerId: string; role: PeerRole; rtpCapabilities: RtpCapabilitiesJson }): void;
  hasPeer(peerId: string): boolean;
  createTransport(peerId: string, direction: TransportDirection, protocol?: IceProtocol): Promise<TransportOptions>;
  /** Null when the peer has not joined (or left). */
  peerMediaPath(peerId: string): PeerMediaPath | null;
  connectTransport(peerId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void>;
  restartIce(peerId: string, transportId: string): Promise<IceParametersJson>;
  /**
   * Benchmarks and load generators only: a plain RTP transport in place of a WebRTC one.
   * produce(), consume() and the close cascade treat it like any other transport of the peer.
   */
  createPlainTransport(peerId: string, direction: TransportDirection, options: PlainTransportOptions): Promise<PlainTransportInfo>;
  connectPlainTransport(options: ConnectPlainTransportOptions): Promise<void>;
  produce(options: ProduceOptions): Promise<ProducerInfo>;
  closeProducer(peerId: string, producerId: string): void;
  /** Producers of everyone but this peer, for a peer that joins late. */
  producersFor(peerId: string): ProducerInfo[];
  /** Creates a paused consumer; null when the peer cannot decode that producer. */
  consume(options: ConsumeOptions): Promise<ConsumerOptions | null>;
  resumeConsumer(peerId: string, consumerId: string): Promise<void>;
  removePeer(peerId: string): void;
  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): void;
  close(): void;
}

export interface WorkerStats {
  pid: number;
  /** Rooms whose home router is on this worker. */
  rooms: number;
  /** Peers placed on this worker, whatever room they are in. */
  peers: number;
  /** Routers on this worker: home routers plus those of rooms spanning workers. */
  routers: number;
  /** User + system CPU time of the worker process, in ms. */
  cpuMs: number;
  /** Resident set size of the worker process, in kB. */
  maxRssKb: number;
}

export interface RoomMediaStats {
  transports: number;
  producers: number;
  consumers: number;
  /** Bytes through the live transports since they opened. */
  bytesReceived: number;
  bytesSent: number;
}

export interface SfuStats {
  workers: WorkerStats[];
  rooms: number;
  media: RoomMediaStats;
}
