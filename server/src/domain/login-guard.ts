import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createCounter, rateLimited, retryAfterSecondsOf, type LimiterStore } from './attempt-limiter';

/** Tries one account may take from one address before it must wait. */
const FREE_TRIES = 5;
const WINDOW_SECONDS = 15 * 60;
/** The first wait after the free tries; each further lockout of the same pair doubles it. */
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;
/** Every address together, for one account (a guessing botnet): far above what a person types. */
const ACCOUNT_TRIES = 50;
/** Every account together, from one address (a NAT'd office has many members): likewise. */
const ADDRESS_TRIES = 100;
/** How long an address stays known after a good login (the in-memory store cannot time out past 24.8 days). */
const KNOWN_GOOD_SECONDS = 20 * 24 * 3600;

/**
 * Login throttling by the usual pattern. Attempts are counted per account and address pair,
 * before the password is checked (so parallel tries cannot overtake the count): five free,
 * then a wait of one minute, doubling with each further lockout up to an hour. The per-account
 * and per-address counters catch guessing spread over many addresses or accounts, but they
 * never block an address this account has logged in from before: an attacker elsewhere can
 * neither lock the real member out nor lock a whole office out.
 */
export class LoginGuard {
  private readonly pair: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly knownGood: RateLimiterAbstract;

  private readonly firstLockSeconds: number;

  /** `firstLockSeconds` shortens the first wait for tests of the doubling; production keeps a minute. */
  constructor(store: LimiterStore, options: { firstLockSeconds?: number } = {}) {
    this.firstLockSeconds = options.firstLockSeconds ?? FIRST_LOCK_SECONDS;
    this.pair = createCounter(store, { name: 'login-pair', attempts: FREE_TRIES, windowSeconds: WINDOW_SECONDS });
    this.lockouts = createCounter(store, { name: 'login-lockouts', attempts: 1_000, windowSeconds: 24 * 3600 });
    this.account = createCounter(store, { name: 'login-account', attempts: ACCOUNT_TRIES, windowSeconds: WINDOW_SECONDS });
    this.address = createCounter(store, { name: 'login-address', attempts: ADDRESS_TRIES, windowSeconds: WINDOW_SECONDS });
    this.knownGood = createCounter(store, { name: 'login-known', attempts: 1, windowSeconds: KNOWN_GOOD_SECONDS });
  }

  /** Counts this attempt; throws RATE_LIMITED with how long to wait if it may not be checked. */
  async admit(loginId: string, address: string): Promise<void> {
    const account = loginId.toLowerCase();
    const pairKey = `${account}|${address}`;
    const known = (await this.knownGood.get(pairKey)) !== null;
    const waits = await Promise.all([
      this.countPair(pairKey),
      known ? 0 : waitOf(this.account, account),
      known ? 0 : waitOf(this.address, address),
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw rateLimited(wait, `too many failed logins; wait ${formatWait(wait)} and try again`);
  }

  /** The password was right: this pair starts afresh and its address is known from now on. */
  async succeeded(loginId: string, address: string): Promise<void> {
    const account = loginId.toLowerCase();
    const pairKey = `${account}|${address}`;
    await Promise.all([
      this.pair.delete(pairKey),
      this.lockouts.delete(pairKey),
      this.account.reward(account),
      this.address.reward(address),
      this.knownGood.set(pairKey, 1, KNOWN_GOOD_SECONDS),
    ]);
  }

  /** Seconds this pair must wait (0: the attempt may go ahead). */
  private async countPair(pairKey: string): Promise<number> {
    try {
      await this.pair.consume(pairKey);
      return 0;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // Exactly one attempt sees the first refusal of a window (the count is atomic): it sets
      // the lockout, longer each time this pair is locked out again within a day.
      if (rejection.consumedPoints !== FREE_TRIES + 1) return retryAfterSecondsOf(rejection);
      const lockouts = (await this.lockouts.consume(pairKey)).consumedPoints;
      const seconds = Math.min(MAX_LOCK_SECONDS, this.firstLockSeconds * 2 ** (lockouts - 1));
      await this.pair.block(pairKey, seconds);
      return seconds;
    }
  }
}

async function waitOf(counter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await counter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return retryAfterSecondsOf(rejection);
    throw rejection;
  }
}

function formatWait(seconds: number): string {
  return seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
