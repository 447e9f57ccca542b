import { EntitySchema } from 'typeorm';
import type { AuditAction, AuditEntry } from '@madoguchi/contract/audit';

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface AuditLogRow {
  id: string;
  at: Date;
  actorKind: AuditEntry['actorKind'];
  actorId: string | null;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export const AuditLogEntity = new EntitySchema<AuditLogRow>({
  name: 'AuditLog',
  tableName: 'audit_log',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    at: { type: 'timestamptz' },
    actorKind: { type: 'text', name: 'actor_kind' },
    actorId: { type: 'uuid', name: 'actor_id', nullable: true },
    action: { type: 'text' },
    targetType: { type: 'text', name: 'target_type', nullable: true },
    targetId: { type: 'text', name: 'target_id', nullable: true },
    details: { type: 'jsonb' },
  },
});
