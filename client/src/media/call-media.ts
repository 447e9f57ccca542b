import type { Device, types } from 'mediasoup-client';
import { ErrorCode } from '@contract/errors';
import type {
  ConsumerOptions,
  DtlsParametersJson,
  IceParametersJson,
  MediaKind,
  MediaSource,
  RtpParametersJson,
  TransportDirection,
  TransportOptions,
} from '@contract/media-types';
import { CallError, toCallError } from './call-error';
import type { RemoteTrack, TransportConnectionState } from './call-session-types';
import { createLogger } from './logger';
import {
  fromDtlsParameters,
  fromRtpParameters,
  toIceParameters,
  toRtpParameters,
  toTransportOptions,
} from './media-json';
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
  return value === 'camera' || value === 'microphone' || value === 'document';
}

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

  constructor({ device, sendTransport, recvTransport, signalling, icePolicy }: CallMediaOptions) {
    super();
    this.signalling = signalling;
    this.icePolicy = icePolicy;
    this.sendTransport = device.createSendTransport(toTransportOptions(sendTransport));
    this.recvTransport = device.createRecvTransport(toTransportOptions(recvTransport));
    this.wireTransport(this.sendTransport, 'send');
    this.wireTransport(this.recvTransport, 'recv');
    this.sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = isMediaSource(appData['source']) ? appData['source'] : SOURCE_BY_KIND[kind];
      this.signalling
        .produce({ transportId: this.sendTransport.id, kind, rtpParameters: fromRtpParameters(rtpParameters), source })
        .then((id) => callback({ id }), errback);
    });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Sends every track of the stream: audio as the microphone, video as the face camera. */
  async produceLocal(stream: MediaStream): Promise<void> {
    for (const track of stream.getTracks()) {
      if (this.closedFlag) return;
      const kind = track.kind === 'audio' ? 'audio' : 'video';
      const producer = await this.sendTransport.produce<ProducerAppData>({
        track,
        appData: { source: SOURCE_BY_KIND[kind] },
        // The call owns the stream and stops it on teardown; a producer must not stop it early.
        stopTracks: false,
      });
      this.producers.set(producer.id, producer);
      producer.on('transportclose', () => this.producers.delete(producer.id));
      producer.on('trackended', () => logger.warn('local track ended', { kind, producerId: producer.id }));
      logger.info('producing', { kind, producerId: producer.id });
    }
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
      this.signalling.connectTransport(transport.id, fromDtlsParameters(dtlsParameters)).then(callback, errback);
    });
    transport.on('connectionstatechange', (state) => {
      logger.info('transport state', { direction, state });
      this.safeEmit('transportStateChanged', direction, state);
      if (state === 'connected') this.forgetIceRestart(direction);
      if (state === 'failed') this.scheduleIceRestart(transport, direction);
    });
  }

  private forgetIceRestart(direction: TransportDirection): void {
    const restart = this.iceRestarts.get(direction);
    if (restart?.timer != null) clearTimeout(restart.timer);
    this.iceRestarts.delete(direction);
  }

  // 'disconnected' often heals by itself; 'failed' does not, so only that restarts ICE.
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
