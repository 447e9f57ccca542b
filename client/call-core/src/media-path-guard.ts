import type { IceProtocol } from '@madoguchi/contract/media-types';
import type { MediaStatus } from './call-types';

export interface MediaPathGuardOptions {
  /** How long one join's transports may take to connect (the server's noMediaTimeoutSeconds). */
  timeoutMs: () => number;
  /** UDP carried nothing: join again with ICE over TCP only. */
  onTryTcp: () => void;
  /** TCP carried nothing either: the call cannot have media. */
  onGiveUp: () => void;
}

/**
 * Watches whether a call's media ever gets through. A join whose transports are neither
 * `connected` within the timeout, or that fail before ever connecting (ICE failed), is retried
 * once over TCP on the same port; then the guard gives up. A path that did carry media and broke
 * later is the ICE-restart logic's business, not this one's, until a fresh path is expected.
 *
 *   udp-watching -> flowing | tcp-watching -> flowing | gave-up
 */
export class MediaPathGuard {
  private current: IceProtocol = 'any';
  private flowed = false;
  private armed = false;
  private timer: number | null = null;
  private readonly options: MediaPathGuardOptions;

  constructor(options: MediaPathGuardOptions) {
    this.options = options;
  }

  /** What the next join asks for: `tcp` once UDP has been given up on (for the rest of the call). */
  get protocol(): IceProtocol {
    return this.current;
  }

  /** A join created its transports: start the clock, unless media already flows on this path. */
  watch(): void {
    this.clearTimer();
    if (this.flowed) return;
    this.armed = true;
    this.timer = window.setTimeout(() => this.stall(), this.options.timeoutMs());
  }

  /** The transports changed state. */
  onState(media: MediaStatus): void {
    if (!this.armed) return;
    // Either transport connected proves the path to the media server works both ways (ICE and
    // DTLS are two-way, and both transports use the same address). Waiting for both would give up
    // on a call where one side has nothing to send (no camera, no microphone): its send transport
    // never connects, nor the other side's receive transport.
    if (media.send === 'connected' || media.recv === 'connected') {
      this.flowed = true;
      this.armed = false;
      this.clearTimer();
    } else if (media.send === 'failed' || media.recv === 'failed') {
      // ICE (or DTLS) failed before any media: no point waiting out the clock.
      this.stall();
    }
  }

  /** The path that worked broke beyond ICE restarts: watch the next join as a new path. */
  expectFreshPath(): void {
    this.flowed = false;
  }

  stop(): void {
    this.armed = false;
    this.clearTimer();
  }

  private stall(): void {
    if (!this.armed) return;
    this.stop();
    if (this.current === 'any') {
      this.current = 'tcp';
      this.options.onTryTcp();
    } else {
      this.options.onGiveUp();
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }
}
