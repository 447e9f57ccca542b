import { EntitySchema } from 'typeorm';
import { APPOINTMENT_STATUSES, type AppointmentResidentDetails, type AppointmentStatus } from '@madoguchi/contract/appointments';

export interface AppointmentRow extends AppointmentResidentDetails {
  id: string;
  status: AppointmentStatus;
  departmentId: string;
  kioskId: string;
  staffId: string | null;
  startsAt: Date;
  endsAt: Date;
  checkInCode: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AppointmentEntity = new EntitySchema<AppointmentRow>({
  name: 'Appointment',
  tableName: 'appointment',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    status: { type: 'enum', enum: [...APPOINTMENT_STATUSES], enumName: 'appointment_status' },
    departmentId: { type: 'uuid', name: 'department_id' },
    kioskId: { type: 'uuid', name: 'kiosk_id' },
    staffId: { type: 'uuid', name: 'staff_id', nullable: true },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    residentName: { type: 'text', name: 'resident_name' },
    residentKana: { type: 'text', name: 'resident_kana' },
    preferredLanguage: { type: 'text', name: 'preferred_language' },
    needs: { type: 'jsonb' },
    topic: { type: 'text' },
    notes: { type: 'text' },
    checkInCode: { type: 'text', name: 'check_in_code' },
    createdBy: { type: 'uuid', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
