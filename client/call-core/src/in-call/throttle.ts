/**
 * Lets at most one send through per interval while drawing; the last state always goes out
 * (trailing call), so the kiosk ends with exactly what the specialist sees.
 */
export class Throttle<T> {
  private readonly intervalMs: number;
  private readonly sendNow: (value: T) => void;
  private lastSentAt = -Infinity;
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(intervalMs: number, send: (value: T) => void, now: () => number = Date.now) {
    this.intervalMs = intervalMs;
    this.sendNow = send;
    this.now = now;
  }

  push(value: T): void {
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0 && this.timer === null) {
      this.emit(value);
      return;
    }
    this.pending = { value };
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** Sends the waiting value now, if any. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) this.emit(pending.value);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private emit(value: T): void {
    this.lastSentAt = this.now();
    this.sendNow(value);
  }
}
