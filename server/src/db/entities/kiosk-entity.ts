import { EntitySchema } from 'typeorm';
import type { CameraRoles } from '@madoguchi/contract/kiosks';

export interface KioskRow {
  id: string;
  name: string;
  location: string;
  credentialHash: string | null;
  active: boolean;
  address: string;
  lastHeartbeatAt: Date | null;
  cameraRoles: CameraRoles;
  pairingCodeHash: string | null;
  pairingExpiresAt: Date | null;
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
    address: { type: 'text', default: '' },
    lastHeartbeatAt: { type: 'timestamptz', name: 'last_heartbeat_at', nullable: true },
    cameraRoles: { type: 'jsonb', name: 'camera_roles' },
    pairingCodeHash: { type: 'text', name: 'pairing_code_hash', nullable: true },
    pairingExpiresAt: { type: 'timestamptz', name: 'pairing_expires_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
