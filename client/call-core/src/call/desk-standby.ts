import type { Device } from 'mediasoup-client';
import type { StandbyTransports } from '@madoguchi/contract/signalling-events';
import { toCallError } from '../call-error';
import { CallMedia } from '../call-media';
import { createLogger } from '../logger';
import { fromRtpCapabilities } from '../media-json';
import { createMediaSignalling } from '../media-signalling';
import { DefaultReconnectPolicy } from '../reconnect-policy';
import { request, type SignallingSocket } from '../signalling';

const logger = createLogger('desk-standby');

export interface DeskStandbyHost {
  loadDevice(): Promise<Device>;
  /** The own node's socket: a standby is made only where the console is connected itself. */
  socket(): SignallingSocket;
  requestTimeoutMs: number | undefined;
}

interface Standing {
  consultationId: string;
  /** Null once refused or failed: not asked again for the same resident. */
  media: Promise<CallMedia | null>;
  /** 'dropped': the head of the queue moved on; 'taken': 「応答」 has it, the call owns the media. */
  fate: 'standing' | 'dropped' | 'taken';
}

/**
 * The console standing by for the resident at the head of its queue (join-tuning deskStandby):
 * its transports made in that call's room and brought through ICE + DTLS by a placeholder
 * sender and receiver, so that 「応答」 goes on over connections that are up. The server offers
 * a standby nothing and tells nobody; if another desk answers, it removes it.
 */
export class DeskStandby {
  private standing: Standing | null = null;

  constructor(private readonly host: DeskStandbyHost) {}

  /** Stand by for this resident (null: for nobody). Asking again for the same one does nothing. */
  follow(consultationId: string | null): void {
    if (this.standing?.consultationId === consultationId) return;
    const previous = this.standing;
    this.reset();
    if (!consultationId) {
      // A new standby replaces the old one at the server by itself; only "nobody" is said.
      if (previous && this.host.socket().connected) {
        request(this.host.socket(), 'standBy', { consultationId: null }, this.host.requestTimeoutMs).catch(() => undefined);
      }
      return;
    }
    const standing: Standing = { consultationId, media: Promise.resolve(null), fate: 'standing' };
    standing.media = this.prepare(standing);
    this.standing = standing;
  }

  /**
   * 「応答」 for this resident: the standby's media, for the accept's join to go on with (the
   * caller closes it if the server made other transports). Null when there is none for them.
   */
  take(consultationId: string): Promise<CallMedia | null> {
    const standing = this.standing;
    if (standing?.consultationId !== consultationId) return Promise.resolve(null);
    this.standing = null;
    standing.fate = 'taken';
    return standing.media;
  }

  /**
   * Stands by for nobody without telling the server: the socket went away (the server dropped
   * the standby with it), the console closes, or follow() moves on.
   */
  reset(): void {
    const previous = this.standing;
    this.standing = null;
    if (!previous) return;
    previous.fate = 'dropped';
    void previous.media.then((media) => media?.close());
  }

  private async prepare(standing: Standing): Promise<CallMedia | null> {
    const { host } = this;
    const { consultationId } = standing;
    // Read after each await: the head of the queue may have moved on meanwhile.
    const dropped = (): boolean => standing.fate === 'dropped';
    try {
      const device = await host.loadDevice();
      if (dropped()) return null;
      const socket = host.socket();
      const transports: StandbyTransports | null = await request(
        socket,
        'standBy',
        { consultationId, rtpCapabilities: fromRtpCapabilities(device.rtpCapabilities) },
        host.requestTimeoutMs,
      );
      if (!transports) return null;
      const media = new CallMedia({
        device,
        sendTransport: transports.sendTransport,
        recvTransport: transports.recvTransport,
        // The call's own policy once taken; while standing by the server refuses an ICE restart.
        icePolicy: new DefaultReconnectPolicy({ maxElapsedMs: 30_000 }),
        signalling: createMediaSignalling(socket, consultationId, host.requestTimeoutMs),
      });
      // A standby that breaks is not mended: it goes, and the accept makes fresh transports.
      media.on('failed', () => {
        if (standing.fate !== 'taken') media.close();
      });
      // Dropped meanwhile (the head of the queue moved on): the server has replaced it already.
      if (dropped()) {
        media.close();
        return null;
      }
      media.warmSend();
      media.warmReceive(device);
      return media;
    } catch (error) {
      // Another node holds the call, or it was answered meanwhile: the accept goes the usual way.
      logger.info('not standing by', { consultationId, error: toCallError(error) });
      return null;
    }
  }
}
