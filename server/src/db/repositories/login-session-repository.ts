import type { DataSource } from 'typeorm';

export type RefreshOutcome =
  | { kind: 'rotated'; loginSessionId: string; staffId: string }
  /** A token that was already replaced: the family is revoked now. */
  | { kind: 'reused'; loginSessionId: string; staffId: string }
  | { kind: 'invalid' };

/** Login sessions and their rotating refresh tokens (stored as SHA-256 hashes only). */
export class LoginSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(staffId: string, expiresAt: Date, tokenHash: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO auth_session (staff_id, expires_at) VALUES ($1, $2) RETURNING id`,
        [staffId, expiresAt],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('no session id');
      await manager.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [tokenHash, id]);
      return id;
    });
  }

  /** Replaces a live token by `nextHash`, once; a second use of the same token revokes the family. */
  async rotate(tokenHash: string, nextHash: string, now: Date): Promise<RefreshOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { session_id: string; replaced_at: Date | null; staff_id: string; expires_at: Date; revoked_at: Date | null }[] =
        await manager.query(
          `SELECT t.session_id, t.replaced_at, s.staff_id, s.expires_at, s.revoked_at
             FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
            WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
          [tokenHash],
        );
      const row = rows[0];
      if (!row || row.revoked_at || row.expires_at <= now) return { kind: 'invalid' };
      if (row.replaced_at) {
        await manager.query(`UPDATE auth_session SET revoked_at = $2, revoked_reason = 'refresh_token_reused' WHERE id = $1`, [row.session_id, now]);
        return { kind: 'reused', loginSessionId: row.session_id, staffId: row.staff_id };
      }
      await manager.query(`UPDATE refresh_token SET replaced_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
      await manager.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [nextHash, row.session_id]);
      return { kind: 'rotated', loginSessionId: row.session_id, staffId: row.staff_id };
    });
  }

  async revoke(loginSessionId: string, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
      [loginSessionId, now, reason],
    );
  }

  async revokeAllFor(staffId: string, reason: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE staff_id = $1 AND revoked_at IS NULL`,
      [staffId, now, reason],
    );
  }

  /** Whether access tokens of this session may still be used. */
  async isLive(loginSessionId: string, staffId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM auth_session WHERE id = $1 AND staff_id = $2 AND revoked_at IS NULL AND expires_at > $3`,
      [loginSessionId, staffId, now],
    );
    return rows.length > 0;
  }
}
