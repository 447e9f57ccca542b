import { DataSource } from 'typeorm';
import { ConsultationEntity } from './entities/consultation-entity';
import { KioskEntity } from './entities/kiosk-entity';
import { StaffUserEntity } from './entities/staff-user-entity';
import { AppointmentChangeEntity } from './entities/appointment-change-entity';
import { AppointmentEntity } from './entities/appointment-entity';
import { AuditLogEntity } from './entities/audit-log-entity';
import { DepartmentEntity } from './entities/department-entity';
import { ConsultationEventEntity } from './entities/consultation-event-entity';
import { InitialSchema1763800000000 } from './migrations/initial-schema';
import { SchedulingSchema1763900000000 } from './migrations/scheduling-schema';
import { AuthSessionsSchema1764000000000 } from './migrations/auth-sessions-schema';
import { SnapshotsSchema1764100000000 } from './migrations/snapshots-schema';
import { GuestLinksSchema1764200000000 } from './migrations/guest-links-schema';
import { SurvivalSchema1765100000000 } from './migrations/survival-schema';
import { KioskUxSchema1765200000000 } from './migrations/kiosk-ux-schema';
import { MediaFailureSchema1765400000000 } from './migrations/media-failure-schema';
import { KioskInstallerSchema1765400000001 } from './migrations/kiosk-installer-schema';
import { QuickPhrasesSchema1765300000000 } from './migrations/quick-phrases-schema';
import { BookingSchema1766600000000 } from './migrations/booking-schema';
import { BookingOutboxSchema1766600000001 } from './migrations/booking-outbox-schema';
import { TransferLegsSchema1766100000000 } from './migrations/transfer-legs-schema';
import { FormsSchema1766400000000 } from './migrations/forms-schema';
import { CaptionsSchema1766500000000 } from './migrations/captions-schema';
import { IntegrationsSchema1767700000000 } from './migrations/integrations-schema';
import { IntegrationRetentionSchema17679100000000 } from './migrations/integration-retention-schema';

export const entities = [
  StaffUserEntity,
  KioskEntity,
  ConsultationEntity,
  DepartmentEntity,
  AppointmentEntity,
  AppointmentChangeEntity,
  ConsultationEventEntity,
  AuditLogEntity,
];
export const migrations = [InitialSchema1763800000000, SchedulingSchema1763900000000, AuthSessionsSchema1764000000000, SnapshotsSchema1764100000000, GuestLinksSchema1764200000000, SurvivalSchema1765100000000, KioskUxSchema1765200000000, QuickPhrasesSchema1765300000000, MediaFailureSchema1765400000000, KioskInstallerSchema1765400000001, TransferLegsSchema1766100000000, FormsSchema1766400000000, CaptionsSchema1766500000000, BookingSchema1766600000000, BookingOutboxSchema1766600000001, IntegrationsSchema1767700000000, IntegrationRetentionSchema17679100000000];

/**
 * Connects and brings the schema up to date through migrations (never synchronize).
 * `searchPath` puts everything in one Postgres schema; tests use it to stay apart.
 */
export async function openDataSource(url: string, options: { searchPath?: string } = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: 10,
      application_name: 'madoguchi',
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath},public` } : {}),
    },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  return dataSource;
}
