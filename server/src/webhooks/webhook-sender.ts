import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ClaimedDelivery, WebhookRepository } from '../db/repositories/webhook-repository';
import type { LinkSeal } from '../domain/link-seal';
import { PeriodicPass, nextRetryAt } from '../domain/periodic-pass';
import { createLogger } from '../logging/logger';
import { hostOf, type WebhookUrlGuard } from './webhook-url-guard';

const log = createLogger('webhooks');

/** Header names of a delivery; docs/integrations.md tells the town how to verify them. */
export const WEBHOOK_HEADERS = {
  id: 'madoguchi-webhook-id',
  event: 'madoguchi-webhook-event',
  timestamp: 'madoguchi-webhook-timestamp',
  signature: 'madoguchi-webhook-signature',
} as const;

/** `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`): the receiver recomputes it over the raw body. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookSenderOptions {
  webhooks: WebhookRepository;
  seal: LinkSeal;
  /** The allow-list, checked again at every delivery (the setting or the DNS may have changed since registration). */
  guard: WebhookUrlGuard;
  now: () => Date;
  /** Tries before a delivery is given up as failed. */
  maxAttempts?: number;
  /** First retry after this long, doubling up to `retryCapMs`. */
  retryBaseMs?: number;
  retryCapMs?: number;
  /** A receiver that has not answered this long counts as a failed try. */
  timeoutMs?: number;
}

const LOCK_MS = 2 * 60_000;
const BATCH = 20;

/**
 * Posts the webhook outbox: claims due deliveries, signs each body with its endpoint's secret
 * and posts it; a 2xx answer marks it delivered, anything else (or no answer) puts it back
 * with a growing delay until the last try. Redirects are not followed (the registered URL is
 * the only place a body goes), and the connection goes only to an address the allow-list
 * accepts, checked when the name is resolved for this very connection.
 */
export class WebhookSender {
  private readonly passes = new PeriodicPass(() => this.pass());

  constructor(private readonly options: WebhookSenderOptions) {}

  start(intervalMs: number): void {
    this.passes.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.passes.stop();
  }

  runOnce(): Promise<{ delivered: number; failed: number }> {
    return this.passes.runOnce();
  }

  private async pass(): Promise<{ delivered: number; failed: number }> {
    const result = { delivered: 0, failed: 0 };
    try {
      const claimed = await this.options.webhooks.claim(this.options.now(), BATCH, LOCK_MS);
      const outcomes = await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
      for (const ok of outcomes) {
        if (ok) result.delivered += 1;
        else result.failed += 1;
      }
    } catch (error) {
      log.warn({ err: error instanceof Error ? error.message : String(error) }, 'webhook pass failed');
    }
    return result;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<boolean> {
    const secret = this.options.seal.open(delivery.secretSealed);
    let responseCode: number | null = null;
    let error: string;
    if (secret === null) {
      error = 'signing secret unreadable (server secret changed?)';
    } else {
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(this.options.now().getTime() / 1000);
      try {
        const status = await this.post(delivery.url, body, {
          'content-type': 'application/json',
          'user-agent': 'Madoguchi-Webhooks/1',
          [WEBHOOK_HEADERS.id]: delivery.eventId,
          [WEBHOOK_HEADERS.event]: delivery.event,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
        });
        responseCode = status;
        if (status >= 200 && status < 300) {
          await this.options.webhooks.markDelivered(delivery.id, status, this.options.now());
          log.info({ deliveryId: delivery.id, event: delivery.event, status }, 'webhook delivered');
          return true;
        }
        error = `HTTP ${status}`;
      } catch (failure) {
        error = failure instanceof Error ? failure.message : 'request failed';
      }
    }
    const retryAt = nextRetryAt(this.options.now(), delivery.attempts, {
      maxAttempts: this.options.maxAttempts ?? 8,
      baseMs: this.options.retryBaseMs ?? 30_000,
      capMs: this.options.retryCapMs ?? 6 * 3_600_000,
    });
    await this.options.webhooks.markFailed(delivery.id, { error, responseCode, retryAt });
    log.warn({ deliveryId: delivery.id, event: delivery.event, attempts: delivery.attempts, retry: retryAt !== null, error }, 'webhook not delivered');
    return false;
  }

  /** One POST with the guard's checks; resolves with the status code. Redirects are answers, not followed. */
  private async post(rawUrl: string, body: string, headers: Record<string, string>): Promise<number> {
    const url = this.options.guard.checkUrl(rawUrl);
    const host = hostOf(url);
    // An address in the URL is never looked up: check it here.
    if (isIP(host) !== 0) this.options.guard.checkAddress(host, host);
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    return new Promise<number>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: this.options.guard.lookup, agent: false },
        (response) => {
          response.resume();
          clearTimeout(timer);
          resolve(response.statusCode ?? 0);
        },
      );
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on('error', (failure) => {
        clearTimeout(timer);
        reject(failure);
      });
      request.end(body);
    });
  }
}
