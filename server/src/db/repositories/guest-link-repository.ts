import type { GuestKind } from '@madoguchi/contract/guests';
import type { DataSource } from 'typeorm';

export interface GuestLinkRow {
  id: string;
  consultationId: string;
  label: string;
  kind: GuestKind;
  expiresAt: Date;
  joinedAt: Date | null;
  leftAt: Date | null;
}

/** A link is spent once its guest has left the call; until then it lets that guest (re)join. */
export class GuestLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A new link unless the call already has `maxOpen` open ones (unused and not lapsed at `now`,
   * or joined and not left): null then. The call's row is locked for the count and the insert,
   * so invitations sent at the same moment are counted one after another and never pass the cap.
   */
  async createWithinCap(input: { consultationId: string; createdBy: string; label: string; kind: GuestKind; expiresAt: Date; maxOpen: number; now: Date }): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      // NO KEY UPDATE: serialises invitations without blocking the event rows that reference the call.
      await manager.query(`SELECT 1 FROM consultation_session WHERE id = $1 FOR NO KEY UPDATE`, [input.consultationId]);
      const counted: { n: string }[] = await manager.query(
        `SELECT count(*) AS n FROM guest_link
          WHERE session_id = $1 AND left_at IS NULL AND (joined_at IS NOT NULL OR expires_at > $2)`,
        [input.consultationId, input.now],
      );
      if (Number(counted[0]?.n ?? 0) >= input.maxOpen) return null;
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO guest_link (session_id, created_by, label, kind, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.consultationId, input.createdBy, input.label, input.kind, input.expiresAt],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('guest link insert returned nothing');
      return id;
    });
  }

  async find(id: string): Promise<GuestLinkRow | null> {
    const rows: { id: string; session_id: string; label: string; kind: GuestKind; expires_at: Date; joined_at: Date | null; left_at: Date | null }[] =
      await this.dataSource.query(`SELECT id, session_id, label, kind, expires_at, joined_at, left_at FROM guest_link WHERE id = $1`, [id]);
    const row = rows[0];
    return row ? { id: row.id, consultationId: row.session_id, label: row.label, kind: row.kind, expiresAt: row.expires_at, joinedAt: row.joined_at, leftAt: row.left_at } : null;
  }

  async markJoined(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE guest_link SET joined_at = COALESCE(joined_at, $2) WHERE id = $1`, [id, at]);
  }

  async markLeft(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE guest_link SET left_at = COALESCE(left_at, $2) WHERE id = $1`, [id, at]);
  }
}
