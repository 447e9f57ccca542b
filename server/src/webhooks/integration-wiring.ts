import type { DataSource } from 'typeorm';
import { ApiKeyRepository } from '../db/repositories/api-key-repository';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import { WebhookRepository } from '../db/repositories/webhook-repository';
import { ApiKeyService } from '../domain/api-key-service';
import { Idempotency } from '../domain/idempotency';
import { LinkSeal } from '../domain/link-seal';
import { WebhookEndpoints } from './webhook-endpoints';
import { WebhookSender, type WebhookSenderOptions } from './webhook-sender';

/** Retry policy of the webhook sender; tests shorten it. */
export type WebhookRetrySettings = Pick<WebhookSenderOptions, 'maxAttempts' | 'retryBaseMs' | 'retryCapMs' | 'timeoutMs'>;

export interface Integrations {
  apiKeys: ApiKeyService;
  idempotency: Idempotency;
  webhooks: WebhookRepository;
  endpoints: WebhookEndpoints;
  sender: WebhookSender;
}

/** The town's other systems (issue 19): API keys, idempotent creates, webhook endpoints and their sender. */
export function createIntegrations(options: { dataSource: DataSource; audit: AuditLogRepository; secret: string; retry?: WebhookRetrySettings | undefined; now: () => Date }): Integrations {
  const keys = new ApiKeyRepository(options.dataSource);
  const webhooks = new WebhookRepository(options.dataSource);
  const seal = new LinkSeal(options.secret, 'webhook-secret-seal');
  return {
    apiKeys: new ApiKeyService({ keys, audit: options.audit, now: options.now }),
    idempotency: new Idempotency({ keys, now: options.now }),
    webhooks,
    endpoints: new WebhookEndpoints({ webhooks, seal, audit: options.audit }),
    sender: new WebhookSender({ webhooks, seal, now: options.now, ...options.retry }),
  };
}
