import { randomBytes } from 'node:crypto';
import type { WebhookDestinations, WebhookEndpoint, WebhookEvent, WebhookIssued } from '@madoguchi/contract/integrations';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { WebhookRepository } from '../db/repositories/webhook-repository';
import { AppError } from '../domain/app-error';
import type { LinkSeal } from '../domain/link-seal';
import type { WebhookUrlGuard } from './webhook-url-guard';

/** Who registers or stops an endpoint: an admin, or the town's system with a webhooks:manage key. */
export type WebhookManager = { kind: 'staff'; staffId: string } | { kind: 'apiKey'; apiKeyId: string };

/**
 * Registers webhook endpoints (設定 → 連携). The signing secret is shown once; the server keeps
 * it sealed (AES-256-GCM under a key derived from the server secret), since it must sign with it.
 * Only URLs the webhook allow-list accepts are registered (WebhookUrlGuard).
 */
export class WebhookEndpoints {
  constructor(private readonly options: { webhooks: WebhookRepository; seal: LinkSeal; audit: AuditLogRepository; guard: WebhookUrlGuard }) {}

  async create(by: WebhookManager, input: { url: string; events: WebhookEvent[]; description: string }): Promise<WebhookIssued> {
    // An API key with webhooks:manage is held to the same allow-list as an admin.
    await this.options.guard.checkRegistration(input.url);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const endpoint = await this.options.webhooks.insertEndpoint({ ...input, events: [...new Set(input.events)], secretSealed: this.options.seal.seal(secret) });
    await this.options.audit.record({ ...actorOf(by), action: 'webhook_created', targetType: 'webhook', targetId: endpoint.id, details: { events: endpoint.events } });
    return { endpoint, secret };
  }

  /** Where endpoints may point (the allow-list), for the admin's form. */
  destinations(): WebhookDestinations {
    return this.options.guard.destinations();
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.options.webhooks.listEndpoints();
  }

  async disable(by: WebhookManager, id: string): Promise<WebhookEndpoint> {
    const outcome = await this.options.webhooks.disableEndpoint(id);
    if (!outcome) throw AppError.notFound('webhook endpoint');
    // Disabling again (a double click, two admins) answers the same but is no second entry in the audit log.
    if (outcome.disabled) await this.options.audit.record({ ...actorOf(by), action: 'webhook_disabled', targetType: 'webhook', targetId: id });
    return outcome.endpoint;
  }
}

function actorOf(by: WebhookManager): { actorKind: 'staff' | 'api_key'; actorId: string } {
  return by.kind === 'staff' ? { actorKind: 'staff', actorId: by.staffId } : { actorKind: 'api_key', actorId: by.apiKeyId };
}
