import { EntitySchema } from 'typeorm';

export interface KioskRow {
  id: string;
  name: string;
  location: string;
  credentialHash: string | null;
  active: boolean;
  createdAt: Date;
}

export const KioskEntity = new EntitySchema<KioskRow>({
  name: 'Kiosk',
  tableName: 'kiosk',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    location: { type: 'text' },
    credentialHash: { type: 'text', name: 'credential_hash', nullable: true },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
