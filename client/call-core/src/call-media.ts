import type { Device, types } from 'mediasoup-client';
import { ErrorCode } from '@madoguchi/contract/errors';
import type {
  ConsumerOptions,
  DtlsParametersJson,
  IceParametersJson,
  MediaKind,
  MediaSource,
  RtpParametersJson,
  TransportDirection,
  TransportOptions,
} from '@madoguchi/contract/media-types';
import { CallError, toCallError } from './call-error';
import type { RemoteTrack, TransportConnectionState } from './call-types';
import { createLogger } from './logger';
import {
  fromDtlsParameters,
  fromRtpParameters,
  toIceParameters,
  toRtpParameters,
  toTransportOptions,
} from './media-json';
import { joinTuning } from './join-tuning';
import type { ReconnectPolicy } from './reconnect-policy';
import { TypedEmitter } from './typed-emitter';

const logger = createLogger('call-media');

/** What the media layer needs from signalling; it never sees the socket itself. */
export interface CallMediaSignalling {
  connectTransport(transportId: string, dtlsParameters: DtlsParametersJson): Promise<void>;
  produce(options: {
    transportId: string;
    kind: MediaKind;
    rtpParameters: RtpParametersJson;
    source: MediaSource;
  }): Promise<string>;
  restartIce(transportId: string): Promise<IceParametersJson>;
  closeProducer(producerId: string): Promise<void>;
}

export interface CallMediaOptions {
  device: Device;
  sendTransport: TransportOptions;
  recvTransport: TransportOptions;
  signalling: CallMediaSignalling;
  icePolicy: ReconnectPolicy;
}

export type CallMediaEvents = {
  remoteTrackAdded: [RemoteTrack];
  remoteTrackRemoved: [RemoteTrack];
  transportStateChanged: [TransportDirection, TransportConnectionState];
  /** The media path is gone for good (ICE restarts exhausted or refused). */
  failed: [CallError];
};

type ProducerAppData = { source: MediaSource };

const SOURCE_BY_KIND: Record<MediaKind, MediaSource> = { audio: 'microphone', video: 'camera' };

function isMediaSource(value: unknown): value is MediaSource {
  return value === 'camera' || value === 'microphone' || value === 'document' || value === 'screen';
}

/** The camera first when join-tuning says so: the other side's first picture waits on it, not on the microphone. */
function orderForProduce(tracks: MediaStreamTrack[]): MediaStreamTrack[] {
  if (!joinTuning().videoFirst) return tracks;
  return [...tracks].sort((a, b) => Number(b.kind === 'video') - Number(a.kind === 'video'));
}

/** The placeholder receiver's SSRC (warmReceive): mediasoup draws its consumers' SSRCs from 100000000-999999999. */
const PLACEHOLDER_SSRC = 1;
/** Its own mid: mediasoup numbers its consumers' mids 0, 1, 2… on each transport. */
const PLACEHOLDER_MID = 'placeholder';
const PLACEHOLDER_PRODUCER_ID = 'placeholder';

/** How long a transport may stay 'disconnected' before ICE is restarted. */
const DISCONNECTED_GRACE_MS = 2_000;

/** Gone-for-good answers to restartIce: the server no longer knows this transport. */
const FATAL_RESTART_CODES = new Set<ErrorCode>([ErrorCode.NotFound, ErrorCode.InvalidState, ErrorCode.Forbidden]);


/**
 * The two transports of one call with their producers and consumers. Closing it closes
 * everything it created, including the local tracks handed to produceLocal().
 */
export class CallMedia extends TypedEmitter<CallMediaEvents> {
  private readonly sendTransport: types.Transport;
  private readonly recvTransport: types.Transport;
  private readonly signalling: CallMediaSignalling;
  private readonly icePolicy: ReconnectPolicy;
  private readonly producers = new Map<string, types.Producer>();
  private readonly consumers = new Map<string, { consumer: types.Consumer; remote: RemoteTrack }>();
  private readonly iceRestarts = new Map<TransportDirection, { retryCount: number; since: number; timer: number | null }>();
  private closedFlag = false;
  private warmedSend = false;
  private warmedRecv = false;
  /** The placeholder sender's track (warmSend), stopped with the media or replaced by the camera. */
  private placeholderTrack: MediaStreamTrack | null = null;
  /** The placeholder sender once negotiated (null: it failed), until the camera takes it over. */
  private placeholderSender: Promise<types.Producer | null> | null = null;

  constructor({ device, sendTransport, recvTransport, signalling, icePolicy }: CallMediaOptions) {
    super();
    this.signalling = signalling;
    this.icePolicy = icePolicy;
    this.sendTransport = device.createSendTransport(toTransportOptions(sendTransport));
    this.recvTransport = device.createRecvTransport(toTransportOptions(recvTransport));
    this.wireTransport(this.sendTransport, 'send');
    this.wireTransport(this.recvTransport, 'recv');
    this.sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      // The placeholder sender (warmSend) is this browser's alone: the server never hears of it.
      if (appData['placeholder'] === true) {
        callback({ id: PLACEHOLDER_PRODUCER_ID });
        return;
      }
      const source = isMediaSource(appData['source']) ? appData['source'] : SOURCE_BY_KIND[kind];
      this.signalling
        .produce({ transportId: this.sendTransport.id, kind, rtpParameters: fromRtpParameters(rtpParameters), source })
        .then((id) => callback({ id }), errback);
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** The server's ids of the two transports: the accept's join names the same ones when a standby is taken over. */
  get transportIds(): { send: string; recv: string } {
    return { send: this.sendTransport.id, recv: this.recvTransport.id };
  }

  /** Where each transport's ICE + DTLS stand now (a media made before the call has its events behind it). */
  transportStates(): Record<TransportDirection, TransportConnectionState> {
    return { send: this.sendTransport.connectionState, recv: this.recvTransport.connectionState };
  }

  /**
   * Gets the sending connection's ICE + DTLS going before there is anything to send (a desk
   * standing by). mediasoup-client starts them with the first produce, so this produces a
   * placeholder: a canvas track that is never drawn on, so no frame is encoded and no packet
   * sent, and whose produce never reaches the server. It stays until the media closes. Best
   * effort: a failure (no canvas here) only loses the head start.
   */
  warmSend(): void {
    if (this.closedFlag || this.warmedSend || typeof document === 'undefined') return;
    this.warmedSend = true;
    try {
      const canvas = document.createElement('canvas');
      canvas.width = 16;
      canvas.height = 16;
      const track = canvas.captureStream(0).getVideoTracks()[0];
      if (!track) return;
      this.placeholderTrack = track;
      // Negotiated as the camera's would be when the camera is to take it over; capped otherwise.
      const encodings = joinTuning().cameraOnPlaceholder ? undefined : [{ maxBitrate: 30_000 }];
      this.placeholderSender = this.sendTransport
        .produce({ track, appData: { placeholder: true }, stopTracks: false, ...(encodings ? { encodings } : {}) })
        .catch((error: unknown) => {
          logger.warn('sending connection not warmed', { error: toCallError(error) });
          return null;
        });
    } catch (error) {
      logger.warn('sending connection not warmed', { error: toCallError(error) });
    }
  }

  /**
   * Gets the receiving connection's ICE + DTLS going before anything is there to receive (a
   * desk standing by; a kiosk waiting, with join-tuning warmRecv). mediasoup-client starts them
   * with the first consume, so this consumes a placeholder: an audio receiver for an SSRC the
   * server never sends. The server needs nothing for it (its transport's ICE and DTLS do not
   * depend on consumers), nothing is ever played, and it closes with the transport. Best
   * effort: a failure only loses the head start.
   */
  warmReceive(device: Device): void {
    if (this.closedFlag || this.warmedRecv) return;
    this.warmedRecv = true;
    const opus = device.rtpCapabilities.codecs?.find((codec) => codec.mimeType.toLowerCase() === 'audio/opus');
    if (!opus || opus.preferredPayloadType === undefined) return;
    this.recvTransport
      .consume({
        id: `placeholder-${this.recvTransport.id}`,
        producerId: PLACEHOLDER_PRODUCER_ID,
        kind: 'audio',
        rtpParameters: {
          mid: PLACEHOLDER_MID,
          codecs: [{ mimeType: opus.mimeType, payloadType: opus.preferredPayloadType, clockRate: opus.clockRate, channels: opus.channels ?? 2, parameters: {}, rtcpFeedback: [] }],
          encodings: [{ ssrc: PLACEHOLDER_SSRC }],
          rtcp: { cname: 'placeholder', reducedSize: true },
        },
      })
      .catch((error: unknown) => logger.warn('receiving connection not warmed', { error: toCallError(error) }));
  }

  /**
   * Sends every track of the stream: audio as the microphone, video as the face camera.
   * `onCamera` is called as soon as the camera's producer exists.
   */
  async produceLocal(stream: MediaStream, onCamera?: () => void): Promise<void> {
    for (const track of orderForProduce(stream.getTracks())) {
      if (this.closedFlag) return;
      const kind = track.kind === 'audio' ? 'audio' : 'video';
      const taken = kind === 'video' ? await this.cameraOnPlaceholder(track) : null;
      const producer =
        taken?.producer ??
        (await this.sendTransport.produce<ProducerAppData>({
          track,
          appData: { source: SOURCE_BY_KIND[kind] },
          // The call owns the stream and stops it on teardown; a producer must not stop it early.
          stopTracks: false,
        }));
      // The server's id: a placeholder taken over keeps its local one.
      const producerId = taken?.producerId ?? producer.id;
      if (kind === 'video') onCamera?.();
      this.producers.set(producerId, producer);
      producer.on('transportclose', () => this.producers.delete(producerId));
      producer.on('trackended', () => logger.warn('local track ended', { kind, producerId }));
      logger.info('producing', { kind, producerId, onPlaceholder: taken !== null });
    }
  }

  /**
   * The camera takes over the standby's placeholder sender (join-tuning cameraOnPlaceholder):
   * the server is told of it with the parameters mediasoup-client negotiated while the desk stood
   * by, then the camera's track goes into that sender. No SDP work at 「応答」, only the produce's
   * round trip. Null when there is no placeholder to take (the call's own produce goes the usual way).
   */
  private async cameraOnPlaceholder(track: MediaStreamTrack): Promise<{ producer: types.Producer; producerId: string } | null> {
    const pending = this.placeholderSender;
    this.placeholderSender = null;
    if (!pending || !joinTuning().cameraOnPlaceholder) return null;
    const producer = await pending;
    if (!producer || producer.closed || this.closedFlag) return null;
    let producerId: string;
    try {
      // What mediasoup-client negotiated for the placeholder while the desk stood by.
      const rtpParameters = fromRtpParameters(producer.rtpParameters);
      producerId = await this.signalling.produce({ transportId: this.sendTransport.id, kind: 'video', rtpParameters, source: 'camera' });
    } catch (error) {
      producer.close();
      throw error;
    }
    // The track only now, once the server has its producer: the first packet it sees is then the
    // encoder's first key frame. A stream that began before the producer existed makes mediasoup ask
    // for a key frame at once, and the other side's own request (its consumer resumed) a moment
    // later fell inside the sender's 300 ms window for key frame requests: ignored, and the other
    // side's first picture waited for mediasoup's retry a second later.
    await producer.replaceTrack({ track });
    this.placeholderTrack?.stop();
    this.placeholderTrack = null;
    return { producer, producerId };
  }

  /**
   * Sends one extra track (staff: a shared screen) with the source the server records.
   * Resolves with the producer id for closeProducer(); the caller keeps owning the track.
   */
  async produceTrack(track: MediaStreamTrack, source: MediaSource): Promise<string> {
    if (this.closedFlag) throw CallError.invalidState('call media is closed');
    const producer = await this.sendTransport.produce<ProducerAppData>({ track, appData: { source }, stopTracks: false });
    this.producers.set(producer.id, producer);
    producer.on('transportclose', () => this.producers.delete(producer.id));
    logger.info('producing', { kind: track.kind, source, producerId: producer.id });
    return producer.id;
  }

  /** Stops (or starts again) sending one producer's track, keeping the producer; the encoder restarts with a key frame. */
  setProducerPaused(producerId: string, paused: boolean): void {
    const producer = this.producers.get(producerId);
    if (!producer || producer.paused === paused) return;
    if (paused) producer.pause();
    else producer.resume();
    logger.info(paused ? 'producer paused' : 'producer resumed', { producerId });
  }

  /** Whether a producer of this call is paused (null: no such producer). */
  isProducerPaused(producerId: string): boolean | null {
    return this.producers.get(producerId)?.paused ?? null;
  }

  /** Stops one producer here and tells the server, so the other side's consumer closes. */
  async closeProducer(producerId: string): Promise<void> {
    const producer = this.producers.get(producerId);
    if (!producer) return;
    this.producers.delete(producerId);
    producer.close();
    await this.signalling.closeProducer(producerId);
  }

  /** The transport's RTCStatsReport (inbound-rtp for recv; outbound and remote-inbound for send). */
  async getStats(direction: TransportDirection): Promise<RTCStatsReport | null> {
    if (this.closedFlag) return null;
    return (direction === 'send' ? this.sendTransport : this.recvTransport).getStats();
  }

  /**
   * Kiosk: the document camera as its own producer. A single high-resolution layer (no
   * simulcast) that keeps its resolution and drops frames when the link is short: staff must
   * be able to read the small print. mediasoup-client has no degradationPreference option,
   * so it is set on the RTCRtpSender after produce().
   */
  async produceDocument(track: MediaStreamTrack): Promise<string> {
    if (this.closedFlag) throw CallError.invalidState('call media is closed');
    const producer = await this.sendTransport.produce<ProducerAppData>({
      track,
      appData: { source: 'document' },
      stopTracks: false,
      encodings: [{ maxBitrate: 2_500_000, maxFramerate: 15 }],
      // Paused while nobody looks (setProducerPaused): nothing encoded or sent, while the kiosk's
      // own preview of the track goes on.
      zeroRtpOnPause: true,
      disableTrackOnPause: false,
    });
    this.producers.set(producer.id, producer);
    producer.on('transportclose', () => this.producers.delete(producer.id));
    const sender = producer.rtpSender;
    if (sender) {
      const parameters: RTCRtpSendParameters & { degradationPreference?: string } = sender.getParameters();
      parameters.degradationPreference = 'maintain-resolution';
      await sender.setParameters(parameters).catch((error: unknown) => logger.warn('degradationPreference not applied', { error }));
    }
    logger.info('producing', { kind: 'video', source: 'document', producerId: producer.id });
    return producer.id;
  }

  async consume(options: ConsumerOptions): Promise<RemoteTrack> {
    if (this.closedFlag) throw CallError.invalidState('call media is closed');
    const consumer = await this.recvTransport.consume({
      id: options.consumerId,
      producerId: options.producerId,
      kind: options.kind,
      rtpParameters: toRtpParameters(options.rtpParameters),
    });
    const remote: RemoteTrack = {
      consumerId: consumer.id,
      producerId: options.producerId,
      kind: options.kind,
      source: options.source,
      peerRole: options.peerRole,
      track: consumer.track,
    };
    this.consumers.set(consumer.id, { consumer, remote });
    consumer.on('transportclose', () => this.dropConsumer(consumer.id));
    consumer.on('trackended', () => this.closeConsumer(consumer.id));
    logger.info('consuming', { kind: options.kind, source: options.source, consumerId: consumer.id });
    this.safeEmit('remoteTrackAdded', remote);
    return remote;
  }

  closeConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.consumer.close();
    this.dropConsumer(consumerId);
  }

  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.placeholderTrack?.stop();
    for (const restart of this.iceRestarts.values()) if (restart.timer !== null) clearTimeout(restart.timer);
    // Closing a transport closes its producers and consumers with it.
    this.sendTransport.close();
    this.recvTransport.close();
    for (const consumerId of [...this.consumers.keys()]) this.dropConsumer(consumerId);
    this.producers.clear();
  }

  private dropConsumer(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    this.consumers.delete(consumerId);
    this.safeEmit('remoteTrackRemoved', entry.remote);
  }

  private wireTransport(transport: types.Transport, direction: TransportDirection): void {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      const connecting = this.signalling.connectTransport(transport.id, fromDtlsParameters(dtlsParameters));
      if (!joinTuning().optimisticConnect) {
        connecting.then(callback, errback);
        return;
      }
      // The server needs the fingerprint before our DTLS hello, not before our offer: go on at once.
      // A refused connect leaves the transport unconnected, which the media path guard notices.
      callback();
      connecting.catch((error: unknown) => logger.warn('connectTransport refused', { direction, error: toCallError(error) }));
    });
    transport.on('connectionstatechange', (state) => {
      logger.info('transport state', { direction, state });
      this.safeEmit('transportStateChanged', direction, state);
      if (state === 'connected') this.forgetIceRestart(direction);
      if (state === 'failed') this.scheduleIceRestart(transport, direction);
      if (state === 'disconnected') this.restartIfStillDisconnected(transport, direction);
    });
  }

  /**
   * 'disconnected' often heals by itself within a second; one that lasts longer than
   * DISCONNECTED_GRACE_MS is treated like 'failed', instead of waiting ~30 s for ICE to say so.
   */
  private restartIfStillDisconnected(transport: types.Transport, direction: TransportDirection): void {
    window.setTimeout(() => {
      if (!this.closedFlag && transport.connectionState === 'disconnected') this.scheduleIceRestart(transport, direction);
    }, DISCONNECTED_GRACE_MS);
  }

  private forgetIceRestart(direction: TransportDirection): void {
    const restart = this.iceRestarts.get(direction);
    if (restart?.timer != null) clearTimeout(restart.timer);
    this.iceRestarts.delete(direction);
  }

  // 'failed' never heals by itself; a lasting 'disconnected' gets here too (see above).
  private scheduleIceRestart(transport: types.Transport, direction: TransportDirection): void {
    const restart = this.iceRestarts.get(direction) ?? { retryCount: 0, since: Date.now(), timer: null };
    this.iceRestarts.set(direction, restart);
    if (restart.timer !== null) return;
    const delay = this.icePolicy.nextRetryDelayMs({ retryCount: restart.retryCount, elapsedMs: Date.now() - restart.since });
    if (delay === null) {
      this.safeEmit('failed', CallError.unavailable(`${direction} transport failed and could not be restarted`));
      return;
    }
    restart.timer = window.setTimeout(() => {
      restart.timer = null;
      restart.retryCount += 1;
      void this.restartIce(transport, direction);
    }, delay);
  }

  private async restartIce(transport: types.Transport, direction: TransportDirection): Promise<void> {
    if (this.closedFlag) return;
    try {
      const iceParameters = await this.signalling.restartIce(transport.id);
      if (this.closedFlag) return;
      await transport.restartIce({ iceParameters: toIceParameters(iceParameters) });
      logger.info('ice restarted', { direction });
    } catch (error) {
      const callError = toCallError(error);
      logger.warn('ice restart failed', { direction, error: callError });
      if (FATAL_RESTART_CODES.has(callError.code)) {
        this.safeEmit('failed', callError);
        return;
      }
      if (transport.connectionState === 'failed') this.scheduleIceRestart(transport, direction);
    }
  }
}
