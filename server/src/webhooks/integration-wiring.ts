import type { DataSource } from 'typeorm';
import { ApiKeyRepository } from '../db/repositories/api-key-repository';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import { WebhookRepository } from '../db/repositories/webhook-repository';
import { ApiKeyService } from '../domain/api-key-service';
import { AttemptLimiter, type LimiterStore } from '../domain/attempt-limiter';
import { Idempotency } from '../domain/idempotency';
import { LinkSeal } from '../domain/link-seal';
import { IntegrationPurge } from './integration-purge';
import { WebhookEndpoints } from './webhook-endpoints';
import { WebhookSender, type WebhookSenderOptions } from './webhook-sender';
import { DEFAULT_WEBHOOK_URL_SETTINGS, WebhookUrlGuard, type WebhookUrlSettings } from './webhook-url-guard';

/** Retry policy of the webhook sender; tests shorten it. */
export type WebhookRetrySettings = Pick<WebhookSenderOptions, 'maxAttempts' | 'retryBaseMs' | 'retryCapMs' | 'timeoutMs'>;

/** API_KEY_REQUESTS_PER_MINUTE's default: a platform syncing a day's bookings stays well under it, a runaway loop does not. */
export const DEFAULT_API_KEY_REQUESTS_PER_MINUTE = 300;
/** WEBHOOK_DELIVERY_RETENTION_DAYS' default. */
export const DEFAULT_DELIVERY_RETENTION_DAYS = 90;

export interface IntegrationSettings {
  /** Requests one API key may make per minute, counted across nodes when they share Redis. */
  apiKeyRequestsPerMinute?: number | undefined;
  /** Where webhooks may go (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOW_HTTP); default: public https hosts only. */
  webhookUrls?: WebhookUrlSettings | undefined;
  /** Finished webhook deliveries are kept this long in the delivery log. */
  deliveryRetentionDays?: number | undefined;
}

export interface Integrations {
  apiKeys: ApiKeyService;
  idempotency: Idempotency;
  webhooks: WebhookRepository;
  endpoints: WebhookEndpoints;
  sender: WebhookSender;
  /** Deletes expired Idempotency-Key answers and old finished deliveries, one node at a time. */
  purge: IntegrationPurge;
}

/** The town's other systems (issue 19): API keys, idempotent creates, webhook endpoints and their sender. */
export function createIntegrations(options: {
  dataSource: DataSource;
  audit: AuditLogRepository;
  secret: string;
  limiterStore: LimiterStore;
  settings?: IntegrationSettings | undefined;
  retry?: WebhookRetrySettings | undefined;
  now: () => Date;
}): Integrations {
  const keys = new ApiKeyRepository(options.dataSource);
  const webhooks = new WebhookRepository(options.dataSource);
  const seal = new LinkSeal(options.secret, 'webhook-secret-seal');
  const guard = new WebhookUrlGuard(options.settings?.webhookUrls ?? DEFAULT_WEBHOOK_URL_SETTINGS);
  const perKey = new AttemptLimiter(options.limiterStore, {
    name: 'api-key',
    attempts: options.settings?.apiKeyRequestsPerMinute ?? DEFAULT_API_KEY_REQUESTS_PER_MINUTE,
    windowSeconds: 60,
  });
  return {
    apiKeys: new ApiKeyService({ keys, audit: options.audit, now: options.now, perKey }),
    idempotency: new Idempotency({ keys, now: options.now }),
    webhooks,
    endpoints: new WebhookEndpoints({ webhooks, seal, audit: options.audit, guard }),
    sender: new WebhookSender({ webhooks, seal, guard, now: options.now, ...options.retry }),
    purge: new IntegrationPurge({
      dataSource: options.dataSource,
      now: options.now,
      deliveryRetentionMs: (options.settings?.deliveryRetentionDays ?? DEFAULT_DELIVERY_RETENTION_DAYS) * 86_400_000,
    }),
  };
}
