import { createLogger } from '@madoguchi/call-core/logger';

const logger = createLogger('kiosk-heartbeat');

export const HEARTBEAT_INTERVAL_MS = 30_000;

export interface HeartbeatOptions {
  /** Sends one heartbeat; a rejection is logged and the next beat is sent on time anyway. */
  send: () => Promise<unknown>;
  intervalMs?: number;
}

/**
 * Tells the server every 30 s that this kiosk is alive; admins see online/offline from it.
 * Runs only while the socket is connected: start() on connect, stop() on any drop.
 */
export class Heartbeat {
  private readonly send: () => Promise<unknown>;
  private readonly intervalMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private inFlight = false;

  constructor({ send, intervalMs = HEARTBEAT_INTERVAL_MS }: HeartbeatOptions) {
    this.send = send;
    this.intervalMs = intervalMs;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Beats now, then every interval. Does nothing if already running. */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.beat(), this.intervalMs);
    this.beat();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private beat(): void {
    // A slow server must not pile up unanswered heartbeats.
    if (this.inFlight) return;
    this.inFlight = true;
    this.send()
      .catch((error: unknown) => logger.warn('heartbeat not acknowledged', { error }))
      .finally(() => {
        this.inFlight = false;
      });
  }
}
