import type { LoginResponse, StaffProfile } from '@madoguchi/contract/rest';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { LoginGuard } from './login-guard';
import type { LoginSessionService } from './login-sessions';

const log = createLogger('auth');

export interface StaffLoginOptions {
  staff: Pick<StaffUserRepository, 'findMember' | 'findByLoginIdWithHash' | 'findWithHashById' | 'setPassword'>;
  loginGuard: Pick<LoginGuard, 'admit' | 'succeeded'>;
  loginSessions: Pick<LoginSessionService, 'start' | 'refresh' | 'logout'>;
  audit: Pick<AuditLogRepository, 'record'>;
}

/**
 * A member's own account: logging in (attempt-limited, every refusal audited without saying
 * which half was wrong), the profile the app shows, logging out and changing the password.
 * The tokens and their rotation are LoginSessionService's.
 */
export class StaffLogin {
  constructor(private readonly options: StaffLoginOptions) {}

  /** `address`: where the attempt came from, counted with the login id. */
  async login(loginId: string, password: string, address: string): Promise<LoginResponse> {
    const { staff, loginGuard, audit } = this.options;
    // Counted before the password is checked; throws RATE_LIMITED with how long to wait.
    await loginGuard.admit(loginId, address);
    const user = await staff.findByLoginIdWithHash(loginId);
    const valid = user !== null && user.active && (await verifyPassword(password, user.passwordHash));
    if (!user || !valid) {
      log.info('login refused');
      await audit.record({ actorKind: 'anonymous', actorId: user?.id ?? null, action: 'login_failed' });
      throw AppError.unauthenticated('ログインIDまたはパスワードが違います');
    }
    await loginGuard.succeeded(loginId, address);
    const response = await this.options.loginSessions.start(user, await this.profile(user.id));
    await audit.record({ actorKind: 'staff', actorId: user.id, action: 'login' });
    return response;
  }

  refresh(refreshToken: string): Promise<LoginResponse> {
    return this.options.loginSessions.refresh(refreshToken, (staffId) => this.profile(staffId));
  }

  async logout(staffId: string, loginSessionId: string): Promise<void> {
    await this.options.loginSessions.logout(loginSessionId);
    await this.options.audit.record({ actorKind: 'staff', actorId: staffId, action: 'logout' });
  }

  /** What the app knows of its member; a deactivated account has none and must log in again. */
  async profile(staffId: string): Promise<StaffProfile> {
    const member = await this.options.staff.findMember(staffId);
    if (!member?.active) throw AppError.unauthenticated('this account is no longer active');
    return {
      id: member.id,
      loginId: member.loginId,
      displayName: member.displayName,
      role: member.role,
      departmentIds: member.departmentIds,
      mustChangePassword: member.mustChangePassword,
    };
  }

  /** The current password proves it is the member; a new one must differ and ends the temporary-password state. */
  async changePassword(staffId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.options.staff.findWithHashById(staffId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw AppError.badRequest('the current password is not correct', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    if (newPassword === currentPassword) {
      throw AppError.badRequest('choose a password different from the current one', [{ path: 'newPassword', message: 'unchanged' }]);
    }
    await this.options.staff.setPassword(staffId, await hashPassword(newPassword), false);
    await this.options.audit.record({ actorKind: 'staff', actorId: staffId, action: 'password_changed', targetType: 'staff', targetId: staffId });
  }
}
