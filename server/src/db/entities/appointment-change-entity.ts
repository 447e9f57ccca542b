import { EntitySchema } from 'typeorm';
import type { AppointmentAction, AppointmentStatus } from '@madoguchi/contract/appointments';

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface AppointmentChangeRow {
  id: string;
  appointmentId: string;
  at: Date;
  actorId: string | null;
  action: AppointmentAction;
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  details: Record<string, unknown>;
}

export const AppointmentChangeEntity = new EntitySchema<AppointmentChangeRow>({
  name: 'AppointmentChange',
  tableName: 'appointment_change',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    appointmentId: { type: 'uuid', name: 'appointment_id' },
    at: { type: 'timestamptz' },
    actorId: { type: 'uuid', name: 'actor_id', nullable: true },
    action: { type: 'text' },
    fromStatus: { type: 'text', name: 'from_status', nullable: true },
    toStatus: { type: 'text', name: 'to_status' },
    details: { type: 'jsonb' },
  },
});
