import type { TokenService } from '../../auth/token-service';
import type { AppointmentRepository } from '../../db/repositories/appointment-repository';
import type { AuditLogRepository } from '../../db/repositories/audit-log-repository';
import type { ConsultationSessionRepository } from '../../db/repositories/consultation-session-repository';
import type { DepartmentRepository } from '../../db/repositories/department-repository';
import type { KioskRepository } from '../../db/repositories/kiosk-repository';
import type { ReportRepository } from '../../db/repositories/report-repository';
import type { SessionEventRepository } from '../../db/repositories/session-event-repository';
import type { StaffUserRepository } from '../../db/repositories/staff-user-repository';
import type { TownSettingRepository } from '../../db/repositories/town-setting-repository';
import type { AppointmentService } from '../../domain/appointment-service';
import type { AttemptLimiter } from '../../domain/attempt-limiter';
import type { LoginGuard } from '../../domain/login-guard';
import type { AuthSessionService } from '../../domain/auth-sessions';

/** What the REST handlers need; app.ts builds it once. */
export interface RouteDeps {
  tokens: TokenService;
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  departments: DepartmentRepository;
  sessions: ConsultationSessionRepository;
  events: SessionEventRepository;
  appointmentRows: AppointmentRepository;
  appointments: AppointmentService;
  reports: ReportRepository;
  audit: AuditLogRepository;
  townSettings: TownSettingRepository;
  authSessions: AuthSessionService;
  loginGuard: LoginGuard;
  limiters: { pairing: AttemptLimiter };
  /** Cuts live sockets at once when an account or device loses its access. */
  disconnect: { kiosk(kioskId: string): void; staff(staffId: string): void };
  /** A member's departments changed: their open consoles see the new queue scope at once. */
  rescopeStaff(staffId: string, departmentIds: string[]): void;
  pairingCodeTtlMs: number;
  now: () => Date;
}
