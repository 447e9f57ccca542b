import { EntitySchema } from 'typeorm';
import type { SessionEventType } from '@madoguchi/contract/consultation';

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface SessionEventRow {
  id: string;
  sessionId: string;
  at: Date;
  type: SessionEventType;
  actor: string;
  details: Record<string, unknown>;
}

export const SessionEventEntity = new EntitySchema<SessionEventRow>({
  name: 'SessionEvent',
  tableName: 'session_event',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    sessionId: { type: 'uuid', name: 'session_id' },
    at: { type: 'timestamptz' },
    type: { type: 'text' },
    actor: { type: 'text' },
    details: { type: 'jsonb' },
  },
});
