import { createLogger } from '../logging/logger';

const log = createLogger('write-retry');

export interface WriteRetryOptions {
  /** Pending writes kept while the database is away; beyond this the oldest are dropped (and logged). */
  maxPending?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

interface PendingWrite {
  label: string;
  write: () => Promise<unknown>;
}

/**
 * Record writes that must not be lost when PostgreSQL restarts under a live call: each is tried
 * now, and if the database is unreachable it waits in order and is retried with backoff until
 * it lands. Order is kept: once one write waits, later ones queue behind it.
 */
export class WriteRetryQueue {
  private readonly pending: PendingWrite[] = [];
  private timer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private draining = false;
  /** Writes running now, and work holding writes that wait for their turn (hold()): flush() waits for them too. */
  private inFlight = 0;

  constructor(private readonly options: WriteRetryOptions = {}) {
    this.delayMs = options.initialDelayMs ?? 250;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Resolves when the write landed now, or when it was queued for later. */
  async submit(label: string, write: () => Promise<unknown>): Promise<void> {
    if (this.pending.length > 0 || this.draining) {
      this.push({ label, write });
      return;
    }
    try {
      await this.hold(write());
    } catch (error) {
      if (!isTransient(error)) throw error;
      log.warn({ label, err: errorMessage(error) }, 'database unreachable; the write will be retried');
      this.push({ label, write });
    }
  }

  /**
   * Like submit(), for a write whose answer matters when it runs now (a conditional update):
   * `queued` means it will land later, in order, and its answer will not be known.
   */
  async submitForResult<T>(label: string, write: () => Promise<T>): Promise<{ queued: true } | { queued: false; result: T }> {
    if (this.pending.length > 0 || this.draining) {
      this.push({ label, write });
      return { queued: true };
    }
    try {
      return { queued: false, result: await this.hold(write()) };
    } catch (error) {
      if (!isTransient(error)) throw error;
      log.warn({ label, err: errorMessage(error) }, 'database unreachable; the write will be retried');
      this.push({ label, write });
      return { queued: true };
    }
  }

  /**
   * Counts `work` as in flight until it settles: writes that wait for their turn before they
   * reach submit() (a consultation's timeline writes one event after another). Without it a
   * shutdown's flush() found nothing pending, the database closed, and the waiting events were lost.
   */
  async hold<T>(work: Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Waits until nothing is pending or in flight, or the time is up; returns how many are left. */
  async flush(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const busy = (): boolean => this.pending.length > 0 || this.inFlight > 0 || this.draining;
    while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return this.pending.length + this.inFlight;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) log.error({ count: this.pending.length }, 'stopping with record writes that never reached the database');
  }

  private push(item: PendingWrite): void {
    const max = this.options.maxPending ?? 10_000;
    if (this.pending.length >= max) {
      const dropped = this.pending.shift();
      log.error({ label: dropped?.label }, 'retry queue full; dropped the oldest pending write');
    }
    this.pending.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.drain(), this.delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    this.timer = null;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const next = this.pending[0];
        if (!next) break;
        try {
          await next.write();
        } catch (error) {
          if (isTransient(error)) {
            this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 5_000);
            this.schedule();
            return;
          }
          log.error({ label: next.label, err: errorMessage(error) }, 'a queued write failed for good');
        }
        this.pending.shift();
      }
      this.delayMs = this.options.initialDelayMs ?? 250;
      log.info('queued record writes reached the database');
    } finally {
      this.draining = false;
    }
  }
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Connection-level failures (the server is down or restarting), as opposed to bad data. */
export function isTransient(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|57P0[1-3]|08\d{3})$/.test(code))) return true;
    if (typeof message === 'string' && /Connection terminated|connection (is )?(closed|refused)|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(message)) return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
