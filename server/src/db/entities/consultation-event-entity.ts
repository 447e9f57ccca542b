import { EntitySchema } from 'typeorm';
import type { ConsultationEventType } from '@madoguchi/contract/consultation';

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface ConsultationEventRow {
  id: string;
  consultationId: string;
  at: Date;
  type: ConsultationEventType;
  actor: string;
  details: Record<string, unknown>;
}

export const ConsultationEventEntity = new EntitySchema<ConsultationEventRow>({
  name: 'ConsultationEvent',
  tableName: 'session_event',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    consultationId: { type: 'uuid', name: 'session_id' },
    at: { type: 'timestamptz' },
    type: { type: 'text' },
    actor: { type: 'text' },
    details: { type: 'jsonb' },
  },
});
