import type { DataSource } from 'typeorm';
import type { AuditAction, AuditEntry } from '@madoguchi/contract/audit';
import type { Page } from '@madoguchi/contract/pagination';
import { queryPage } from '../paged-query';

export interface AuditRecordInput {
  actorKind: AuditEntry['actorKind'];
  actorId: string | null;
  action: AuditAction;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Ids and codes only: never names, tokens or free text a resident gave. */
  details?: Record<string, unknown> | undefined;
}

interface AuditListRow {
  id: string;
  at: Date;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  total: string;
}

export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: AuditRecordInput, at = new Date()): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (at, actor_kind, actor_id, action, target_type, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [at, input.actorKind, input.actorId, input.action, input.targetType ?? null, input.targetId ?? null, JSON.stringify(input.details ?? {})],
    );
  }

  async list(query: { page: number; pageSize: number; action?: AuditAction | undefined; actorId?: string | undefined }): Promise<Page<AuditEntry>> {
    return queryPage(
      this.dataSource,
      `SELECT a.id, a.at, a.actor_kind, a.actor_id, COALESCE(u.display_name, k.name) AS actor_name,
              a.action, a.target_type, a.target_id, a.details, count(*) OVER () AS total
         FROM audit_log a
         LEFT JOIN staff_user u ON a.actor_kind = 'staff' AND u.id = a.actor_id
         LEFT JOIN kiosk k ON a.actor_kind = 'kiosk' AND k.id = a.actor_id
        WHERE ($1::text IS NULL OR a.action = $1) AND ($2::uuid IS NULL OR a.actor_id = $2)
        ORDER BY a.at DESC, a.id DESC`,
      [query.action ?? null, query.actorId ?? null],
      query,
      (r: AuditListRow) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        details: r.details,
      }),
    );
  }
}
