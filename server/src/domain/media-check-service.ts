import { randomUUID } from 'node:crypto';
import type { MediaRoomApi, SfuApi } from '@madoguchi/sfu';
import type { ConsumerOptions, DtlsParametersJson, RtpCapabilitiesJson, RtpParametersJson } from '@madoguchi/contract/media-types';
import type { MediaCheckStart } from '@madoguchi/contract/signalling-events';
import { createLogger } from '../logging/logger';
import { ErrorCode } from '@madoguchi/contract/errors';
import { AppError } from './app-error';

const log = createLogger('media-check');

/** A check that is left open (a closed laptop) is closed after this long. */
const CHECK_LIFETIME_MS = 60_000;
/** Checks at once on this node: each is a router with two transports. */
const MAX_CHECKS = 20;
const PEER_ID = 'check';

interface Check {
  room: MediaRoomApi;
  socketId: string;
  timer: NodeJS.Timeout;
}

/**
 * The connection check's loopback: a media room of its own in which one socket sends a test
 * track and receives it back through the SFU, over UDP only or TCP only, so an installer sees
 * whether the media port answers on each. One check per socket; nothing is recorded.
 */
export class MediaCheckService {
  private readonly checks = new Map<string, Check>();

  constructor(private readonly sfu: SfuApi) {}

  async start(socketId: string, protocol: 'udp' | 'tcp', rtpCapabilities: RtpCapabilitiesJson): Promise<MediaCheckStart> {
    this.endFor(socketId);
    if (this.checks.size >= MAX_CHECKS) throw new AppError(ErrorCode.Unavailable, 'too many connection checks at once; try again in a minute');
    const checkId = randomUUID();
    const room = await this.sfu.createRoom(`check:${checkId}`);
    const timer = setTimeout(() => this.end(checkId), CHECK_LIFETIME_MS);
    timer.unref();
    this.checks.set(checkId, { room, socketId, timer });
    try {
      room.addPeer({ peerId: PEER_ID, role: 'guest', rtpCapabilities });
      const sendTransport = await room.createTransport(PEER_ID, 'send', protocol);
      const recvTransport = await room.createTransport(PEER_ID, 'recv', protocol);
      log.debug({ protocol }, 'connection check started');
      return { checkId, sendTransport, recvTransport };
    } catch (error) {
      this.end(checkId);
      throw error;
    }
  }

  async connect(socketId: string, checkId: string, transportId: string, dtlsParameters: DtlsParametersJson): Promise<void> {
    await this.room(socketId, checkId).connectTransport(PEER_ID, transportId, dtlsParameters);
  }

  async produce(
    socketId: string,
    payload: { checkId: string; transportId: string; kind: 'audio' | 'video'; rtpParameters: RtpParametersJson },
  ): Promise<{ producerId: string; consumer: ConsumerOptions }> {
    const room = this.room(socketId, payload.checkId);
    const source = payload.kind === 'audio' ? 'microphone' : 'camera';
    const { producerId } = await room.produce({ peerId: PEER_ID, transportId: payload.transportId, kind: payload.kind, source, rtpParameters: payload.rtpParameters });
    const consumer = await room.consume({ peerId: PEER_ID, producerId });
    if (!consumer) throw AppError.badRequest('this browser cannot receive what it sends');
    return { producerId, consumer };
  }

  async resume(socketId: string, checkId: string, consumerId: string): Promise<void> {
    await this.room(socketId, checkId).resumeConsumer(PEER_ID, consumerId);
  }

  end(checkId: string): void {
    const check = this.checks.get(checkId);
    if (!check) return;
    this.checks.delete(checkId);
    clearTimeout(check.timer);
    check.room.close();
  }

  /** The checking page is done with it; another socket's check is none of its business. */
  stop(socketId: string, checkId: string): void {
    if (this.checks.get(checkId)?.socketId === socketId) this.end(checkId);
  }

  /** The socket went away or started another check. */
  endFor(socketId: string): void {
    for (const [checkId, check] of this.checks) if (check.socketId === socketId) this.end(checkId);
  }

  private room(socketId: string, checkId: string): MediaRoomApi {
    const check = this.checks.get(checkId);
    if (!check || check.socketId !== socketId) throw AppError.notFound('connection check');
    return check.room;
  }
}
