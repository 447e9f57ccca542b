import type { TokenService } from '../../auth/token-service';
import type { AppointmentRepository } from '../../db/repositories/appointment-repository';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import type { ConsultationRepository } from '../../db/repositories/consultation-repository';
import type { DepartmentRepository } from '../../db/repositories/department-repository';
import type { KioskRepository } from '../../db/repositories/kiosk-repository';
import type { ReportRepository } from '../../db/repositories/report-repository';
import type { ConsultationEventRepository } from '../../db/repositories/consultation-event-repository';
import type { StaffUserRepository } from '../../db/repositories/staff-user-repository';
import type { TownSettingRepository } from '../../db/repositories/town-setting-repository';
import type { AppointmentService } from '../../domain/appointment-service';
import type { ConsultationRecords } from '../../domain/consultation-records';
import type { DepartmentService } from '../../domain/department-service';
import type { KioskDeviceService } from '../../domain/kiosk-device-service';
import type { KioskService } from '../../domain/kiosk-service';
import type { StaffLogin } from '../../domain/staff-login';
import type { StaffService } from '../../domain/staff-service';

/** What the REST handlers need; app.ts builds it once. */
export interface RouteDeps {
  tokens: TokenService;
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  departments: DepartmentRepository;
  consultations: ConsultationRepository;
  consultationEvents: ConsultationEventRepository;
  appointmentRows: AppointmentRepository;
  appointments: AppointmentService;
  reports: ReportRepository;
  audit: AuditLogRepository;
  townSettings: TownSettingRepository;
  /** Logging in and out, the member's profile and password. */
  staffLogin: StaffLogin;
  /** Staff accounts and their rules (the admins' screens). */
  staffAccounts: StaffService;
  /** Registering, pairing and revoking kiosks (the admins' screens). */
  kioskAdmin: KioskService;
  /** What a kiosk device does for itself: pairing, tokens, the installers' set-up, its configuration. */
  kioskDevices: KioskDeviceService;
  /** Departments with their unique-code rule (the admins' screens). */
  departmentAdmin: DepartmentService;
  /** Consultation records after the call: who may read and complete them. */
  records: ConsultationRecords;
  now: () => Date;
}
