/**
 * A background job that runs one pass at a time: on a timer, or when a test asks
 * (`runOnce`). Passes queue one after another, so a slow pass never overlaps the next, and
 * `stop` waits for the one in progress. Shared by the mail outbox and the webhook sender.
 */
export class PeriodicPass<R> {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly pass: () => Promise<R>) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  runOnce(): Promise<R> {
    const pass = this.chain.then(() => this.pass());
    this.chain = pass.catch(() => undefined);
    return pass;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
  }
}

/**
 * Exponential back-off of an outbox: after try `attempts` (1 = the first), the next one
 * `baseMs`, 2x, 4x … later, at most `capMs`; null once `maxAttempts` tries are spent.
 */
export function nextRetryAt(now: Date, attempts: number, policy: { maxAttempts: number; baseMs: number; capMs: number }): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + Math.min(policy.baseMs * 2 ** (attempts - 1), policy.capMs));
}
