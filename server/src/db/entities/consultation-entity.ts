import { EntitySchema } from 'typeorm';
import { END_REASONS, MEDIA_FLAGS, type EndReason, type MediaFlag, type OutcomeCode, type QualitySummary } from '@madoguchi/contract/consultation';
import type { Language } from '@madoguchi/contract/languages';

export interface ConsultationRow {
  id: string;
  kioskId: string;
  staffId: string | null;
  queuedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  endReason: EndReason | null;
  departmentId: string | null;
  appointmentId: string | null;
  language: Language;
  outcomeCode: OutcomeCode | null;
  notes: string;
  satisfaction: number | null;
  quality: QualitySummary | null;
  mediaFlag: MediaFlag | null;
  /** The server node holding the call (its state and media) while it is open. */
  nodeId: string | null;
  /** The first leg of the consultation this leg continues (after a transfer); null on a first leg. */
  firstLegId: string | null;
  /** 1 for the first leg, 2 after one transfer… */
  leg: number;
}

export const ConsultationEntity = new EntitySchema<ConsultationRow>({
  name: 'Consultation',
  tableName: 'consultation_session',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    kioskId: { type: 'uuid', name: 'kiosk_id' },
    staffId: { type: 'uuid', name: 'staff_id', nullable: true },
    queuedAt: { type: 'timestamptz', name: 'queued_at' },
    answeredAt: { type: 'timestamptz', name: 'answered_at', nullable: true },
    endedAt: { type: 'timestamptz', name: 'ended_at', nullable: true },
    endReason: {
      type: 'enum',
      name: 'end_reason',
      enum: [...END_REASONS],
      enumName: 'session_end_reason',
      nullable: true,
    },
    departmentId: { type: 'uuid', name: 'department_id', nullable: true },
    appointmentId: { type: 'uuid', name: 'appointment_id', nullable: true },
    language: { type: 'text', default: 'ja' },
    outcomeCode: { type: 'text', name: 'outcome_code', nullable: true },
    notes: { type: 'text', default: '' },
    satisfaction: { type: 'smallint', nullable: true },
    quality: { type: 'jsonb', nullable: true },
    mediaFlag: { type: 'text', name: 'media_flag', nullable: true, enum: [...MEDIA_FLAGS] },
    nodeId: { type: 'text', name: 'node_id', nullable: true },
    firstLegId: { type: 'uuid', name: 'consultation_id', nullable: true },
    leg: { type: 'smallint', default: 1 },
  },
});
