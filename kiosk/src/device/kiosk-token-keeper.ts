import type { KioskProfile, KioskTokenResponse } from '@madoguchi/contract/rest';
import { createLogger } from '@madoguchi/call-core/logger';
import { DefaultReconnectPolicy } from '@madoguchi/call-core/reconnect-policy';
import type { ReconnectPolicy } from '@madoguchi/call-core/reconnect-policy';
import { TypedEmitter } from '@madoguchi/call-core/typed-emitter';
import { HttpError } from './http-error';
import { exchangeCredential } from './kiosk-token-api';

const logger = createLogger('kiosk-token');

/** Renew when this share of the token's life has passed, leaving room for retries. */
const RENEW_AT = 0.75;
const MIN_RENEW_DELAY_MS = 5_000;

export type KioskTokenKeeperEvents = {
  /** The credential itself was refused; only an administrator can fix that. */
  rejected: [HttpError];
  /** A network failure; the keeper keeps retrying. */
  retrying: [HttpError];
  tokenChanged: [KioskTokenResponse];
};

export interface KioskTokenKeeperOptions {
  credential: string;
  exchange?: (credential: string) => Promise<KioskTokenResponse>;
  retryPolicy?: ReconnectPolicy;
}

function toHttpError(error: unknown): HttpError {
  return error instanceof HttpError ? error : new HttpError(0, String(error), { cause: error });
}

/** Trades the device credential for short-lived tokens and renews them before they expire. */
export class KioskTokenKeeper extends TypedEmitter<KioskTokenKeeperEvents> {
  private readonly credential: string;
  private readonly exchange: (credential: string) => Promise<KioskTokenResponse>;
  private readonly retryPolicy: ReconnectPolicy;
  private current: KioskTokenResponse | null = null;
  private inFlight: Promise<KioskTokenResponse> | null = null;
  private renewTimer: number | null = null;
  private stopped = false;

  constructor({ credential, exchange = exchangeCredential, retryPolicy }: KioskTokenKeeperOptions) {
    super();
    this.credential = credential;
    this.exchange = exchange;
    this.retryPolicy = retryPolicy ?? new DefaultReconnectPolicy({ maxElapsedMs: Infinity });
  }

  get token(): string | null {
    return this.current?.accessToken ?? null;
  }

  get kiosk(): KioskProfile | null {
    return this.current?.kiosk ?? null;
  }

  /** Resolves with the first token, retrying network failures; rejects if the credential is refused. */
  start(): Promise<KioskTokenResponse> {
    return this.renewWithRetries();
  }

  /** Fetches a new token now (the server refused the old one); concurrent calls share one request. */
  async refreshNow(): Promise<void> {
    await this.renew();
  }

  stop(): void {
    this.stopped = true;
    if (this.renewTimer !== null) window.clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }

  private async renewWithRetries(): Promise<KioskTokenResponse> {
    const since = Date.now();
    for (let retryCount = 0; ; retryCount += 1) {
      try {
        return await this.renew();
      } catch (error) {
        const httpError = toHttpError(error);
        if (httpError.isRejection || this.stopped) throw httpError;
        const delay = this.retryPolicy.nextRetryDelayMs({ retryCount, elapsedMs: Date.now() - since });
        if (delay === null) throw httpError;
        logger.warn('token exchange failed, retrying', { status: httpError.status, delayMs: delay });
        this.safeEmit('retrying', httpError);
        await new Promise((resolve) => window.setTimeout(resolve, delay));
      }
    }
  }

  private renew(): Promise<KioskTokenResponse> {
    this.inFlight ??= this.exchange(this.credential)
      .then((response) => {
        this.current = response;
        this.scheduleRenewal(response.expiresInSeconds);
        logger.info('token renewed', { kiosk: response.kiosk.id, expiresInSeconds: response.expiresInSeconds });
        this.safeEmit('tokenChanged', response);
        return response;
      })
      .catch((error: unknown) => {
        const httpError = toHttpError(error);
        if (httpError.isRejection) this.safeEmit('rejected', httpError);
        throw httpError;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private scheduleRenewal(expiresInSeconds: number): void {
    if (this.stopped) return;
    if (this.renewTimer !== null) window.clearTimeout(this.renewTimer);
    const delay = Math.max(MIN_RENEW_DELAY_MS, expiresInSeconds * 1000 * RENEW_AT);
    this.renewTimer = window.setTimeout(() => {
      this.renewTimer = null;
      this.renewWithRetries().catch((error: unknown) => logger.error('token renewal gave up', { error }));
    }, delay);
  }
}
