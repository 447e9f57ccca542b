import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PATTERN, type ApiScope } from '@madoguchi/contract/api-scopes';
import type { ApiKeyIssued, ApiKeySummary, CreateApiKeyRequest } from '@madoguchi/contract/integrations';
import type { ApiKeyRepository } from '../db/repositories/api-key-repository';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import { AppError } from './app-error';
import type { AttemptLimiter } from './attempt-limiter';

export interface ApiKeyServiceOptions {
  keys: ApiKeyRepository;
  audit: AuditLogRepository;
  now: () => Date;
  /** Requests per key per window (API_KEY_REQUESTS_PER_MINUTE), in Redis when nodes share one. */
  perKey: AttemptLimiter;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * API keys of the town's other systems (設定 → 連携). A key is `mdk_<prefix>_<secret>`: 256
 * random bits, so a plain SHA-256 is enough to keep it (no password stretching needed); the
 * prefix is its visible id. The key is shown once, at creation.
 */
export class ApiKeyService {
  constructor(private readonly options: ApiKeyServiceOptions) {}

  async create(staffId: string, input: { name: string; scopes: CreateApiKeyRequest['scopes'] }): Promise<ApiKeyIssued> {
    const prefix = randomBytes(6).toString('hex');
    const secret = `mdk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const scopes = [...new Set(input.scopes)];
    const apiKey = await this.options.keys.insert({ prefix, secretHash: sha256(secret).toString('hex'), name: input.name, scopes, createdBy: staffId });
    await this.options.audit.record({ actorKind: 'staff', actorId: staffId, action: 'api_key_created', targetType: 'api_key', targetId: apiKey.id, details: { scopes } });
    return { apiKey, secret };
  }

  list(): Promise<ApiKeySummary[]> {
    return this.options.keys.list();
  }

  async revoke(staffId: string, id: string): Promise<ApiKeySummary> {
    const outcome = await this.options.keys.revoke(id, this.options.now());
    if (outcome === 'missing') throw AppError.notFound('API key');
    // Revoking again (a double click, two admins) answers the same but is no second revocation in the audit log.
    if (outcome === 'revoked') await this.options.audit.record({ actorKind: 'staff', actorId: staffId, action: 'api_key_revoked', targetType: 'api_key', targetId: id });
    return (await this.options.keys.find(id)) ?? missing();
  }

  /** Read from the database on every call, so a revocation counts at once on every node. */
  async authenticate(key: string): Promise<{ apiKeyId: string; scopes: readonly ApiScope[] }> {
    const match = API_KEY_PATTERN.exec(key);
    const stored = match?.[1] ? await this.options.keys.findByPrefix(match[1]) : null;
    if (!stored || !timingSafeEqual(Buffer.from(stored.secretHash, 'hex'), sha256(key))) throw AppError.unauthenticated('this API key is not valid');
    if (stored.revoked) {
      await this.options.audit.record({ actorKind: 'api_key', actorId: stored.id, action: 'api_key_used', targetType: 'api_key', targetId: stored.id, details: { status: 401, refused: 'revoked' } });
      throw AppError.unauthenticated('this API key was revoked; ask the town office for a new one');
    }
    await this.options.keys.touch(stored.id, this.options.now());
    return { apiKeyId: stored.id, scopes: stored.scopes };
  }

  /**
   * Counts one request of this key; over the allowance it is refused with 429 and Retry-After.
   * The count is taken atomically before the route runs, so parallel requests cannot slip past
   * it, and a refused request counts too: a platform in a retry loop stays refused.
   */
  async throttle(apiKeyId: string): Promise<void> {
    await this.options.perKey.take(apiKeyId, 'this API key made too many requests; retry after the time in Retry-After');
  }

  async recordCall(call: { apiKeyId: string; route: string; status: number; targetId: string | undefined }): Promise<void> {
    await this.options.audit.record({
      actorKind: 'api_key',
      actorId: call.apiKeyId,
      action: 'api_key_used',
      targetType: call.targetId ? 'appointment' : undefined,
      targetId: call.targetId,
      details: { route: call.route, status: call.status },
    });
  }
}

function missing(): never {
  throw AppError.notFound('API key');
}
