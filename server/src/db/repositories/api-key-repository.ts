import type { DataSource } from 'typeorm';
import type { ApiScope } from '@madoguchi/contract/api-scopes';
import type { ApiKeySummary } from '@madoguchi/contract/integrations';
import { returnedRows } from '../query-result';

interface ApiKeyRow {
  id: string;
  prefix: string;
  secret_hash: string;
  name: string;
  scopes: ApiScope[];
  created_at: Date;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT = `SELECT k.id, k.prefix, k.secret_hash, k.name, k.scopes, k.created_at, u.display_name AS created_by_name, k.last_used_at, k.revoked_at
                  FROM api_key k LEFT JOIN staff_user u ON u.id = k.created_by`;

/** What the resolver needs of a key: its hash to compare and whether it may still be used. */
export interface StoredApiKey {
  id: string;
  secretHash: string;
  scopes: ApiScope[];
  revoked: boolean;
}

/** Idempotent creates: a claim (or the answer stored by an earlier request with the same key). */
export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'done'; requestHash: string; statusCode: number; response: unknown }
  | { kind: 'pending'; requestHash: string };

/** API keys (issue 19): only the SHA-256 of a key is stored; the prefix finds it. */
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(key: { prefix: string; secretHash: string; name: string; scopes: ApiScope[]; createdBy: string }): Promise<ApiKeySummary> {
    const [row] = returnedRows<{ id: string }>(
      await this.dataSource.query(`INSERT INTO api_key (prefix, secret_hash, name, scopes, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        key.prefix,
        key.secretHash,
        key.name,
        key.scopes,
        key.createdBy,
      ]),
    );
    return (await this.find(row?.id ?? '')) ?? missing();
  }

  async list(): Promise<ApiKeySummary[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(`${SELECT} ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`);
    return rows.map(toSummary);
  }

  async find(id: string): Promise<ApiKeySummary | null> {
    const rows: ApiKeyRow[] = await this.dataSource.query(`${SELECT} WHERE k.id = $1`, [id]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Read fresh on every call, so a revocation counts at once on every node. */
  async findByPrefix(prefix: string): Promise<StoredApiKey | null> {
    const rows: { id: string; secret_hash: string; scopes: ApiScope[]; revoked_at: Date | null }[] = await this.dataSource.query(
      `SELECT id, secret_hash, scopes, revoked_at FROM api_key WHERE prefix = $1`,
      [prefix],
    );
    const row = rows[0];
    return row ? { id: row.id, secretHash: row.secret_hash, scopes: row.scopes, revoked: row.revoked_at !== null } : null;
  }

  /**
   * `revoked` for the one call that revoked it, `already` for every other (the row lock makes
   * parallel calls wait and then find it revoked), `missing` when there is no such key.
   */
  async revoke(id: string, at: Date): Promise<'revoked' | 'already' | 'missing'> {
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(`UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, at]),
    );
    if (rows.length > 0) return 'revoked';
    return (await this.find(id)) ? 'already' : 'missing';
  }

  /** At most one write a minute per key: the list shows when a key was last used without a write per call. */
  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }

  /**
   * Takes an Idempotency-Key for one request: the primary key lets exactly one of any number
   * of parallel requests insert it; the others read what is there. A pending claim whose
   * holder died (lock run out) is taken over.
   */
  async claimIdempotency(input: { apiKeyId: string; key: string; route: string; requestHash: string; now: Date; lockMs: number; ttlMs: number }): Promise<IdempotencyClaim> {
    const lockedUntil = new Date(input.now.getTime() + input.lockMs);
    const expiresAt = new Date(input.now.getTime() + input.ttlMs);
    const claimed = returnedRows<{ state: string }>(
      await this.dataSource.query(
        `INSERT INTO idempotency_record (api_key_id, idempotency_key, route, request_hash, state, locked_until, expires_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6)
         ON CONFLICT (api_key_id, idempotency_key) DO UPDATE
           SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, state = 'pending', status_code = NULL, response = NULL,
               locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
           WHERE idempotency_record.expires_at < $7
              OR (idempotency_record.state = 'pending' AND idempotency_record.locked_until < $7 AND idempotency_record.request_hash = EXCLUDED.request_hash)
         RETURNING state`,
        [input.apiKeyId, input.key, input.route, input.requestHash, lockedUntil, expiresAt, input.now],
      ),
    );
    if (claimed.length > 0) return { kind: 'claimed' };
    const rows: { request_hash: string; state: 'pending' | 'done'; status_code: number | null; response: unknown }[] = await this.dataSource.query(
      `SELECT request_hash, state, status_code, response FROM idempotency_record WHERE api_key_id = $1 AND idempotency_key = $2`,
      [input.apiKeyId, input.key],
    );
    const row = rows[0];
    // Released by a failed first request between our insert and this read: claim again.
    if (!row) return this.claimIdempotency(input);
    if (row.state === 'done') return { kind: 'done', requestHash: row.request_hash, statusCode: row.status_code ?? 200, response: row.response };
    return { kind: 'pending', requestHash: row.request_hash };
  }

  async completeIdempotency(apiKeyId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_record SET state = 'done', status_code = $3, response = $4 WHERE api_key_id = $1 AND idempotency_key = $2`,
      [apiKeyId, key, statusCode, JSON.stringify(response)],
    );
  }

  /** The first request failed: the key is free again for a retry. */
  async releaseIdempotency(apiKeyId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE api_key_id = $1 AND idempotency_key = $2 AND state = 'pending'`, [apiKeyId, key]);
  }
}

function toSummary(r: ApiKeyRow): ApiKeySummary {
  return {
    id: r.id,
    prefix: r.prefix,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.created_at.toISOString(),
    createdByName: r.created_by_name,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

function missing(): never {
  throw new Error('api key vanished after insert');
}
