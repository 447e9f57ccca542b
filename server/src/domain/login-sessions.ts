import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '../auth/grants';
import type { TokenService } from '../auth/token-service';
import type { LoginResponse, StaffProfile } from '@madoguchi/contract/rest';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { LoginSessionRepository } from '../db/repositories/login-session-repository';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';

const log = createLogger('auth-sessions');

const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newRefreshToken = (): string => randomBytes(32).toString('base64url');

export interface LoginSessionOptions {
  sessions: LoginSessionRepository;
  staff: StaffUserRepository;
  tokens: TokenService;
  audit: AuditLogRepository;
  /** A login lasts at most this long, however often it is refreshed. */
  sessionLifetimeMs: number;
  /** Closes the sockets of a login session that was revoked, at once. */
  disconnectSession(loginSessionId: string): void;
  now?: () => Date;
}

/**
 * Staff logins: a session per login, short access tokens, refresh tokens that rotate on every
 * use. A refresh token used twice means someone else holds a copy: the session ends for both.
 */
export class LoginSessionService {
  private readonly now: () => Date;

  constructor(private readonly options: LoginSessionOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async start(user: { id: string; role: StaffRole }, profile: StaffProfile): Promise<LoginResponse> {
    const refreshToken = newRefreshToken();
    const loginSessionId = await this.options.sessions.create(
      user.id,
      new Date(this.now().getTime() + this.options.sessionLifetimeMs),
      hashRefreshToken(refreshToken),
    );
    const { token, expiresInSeconds } = this.options.tokens.issueStaff({ kind: 'staff', staffId: user.id, role: user.role, loginSessionId });
    return { accessToken: token, expiresInSeconds, refreshToken, user: profile };
  }

  async refresh(refreshToken: string, profileOf: (staffId: string) => Promise<StaffProfile>): Promise<LoginResponse> {
    const next = newRefreshToken();
    const outcome = await this.options.sessions.rotate(hashRefreshToken(refreshToken), hashRefreshToken(next), this.now());
    if (outcome.kind === 'reused') {
      log.warn({ loginSessionId: outcome.loginSessionId }, 'refresh token reused: login session revoked');
      this.options.disconnectSession(outcome.loginSessionId);
      await this.options.audit.record({ actorKind: 'staff', actorId: outcome.staffId, action: 'refresh_token_reused', targetType: 'auth_session', targetId: outcome.loginSessionId });
      throw AppError.unauthenticated('this login has ended for safety; please log in again');
    }
    if (outcome.kind === 'invalid') throw AppError.unauthenticated('the login has expired; please log in again');
    const user = await this.options.staff.findById(outcome.staffId);
    if (!user?.active) {
      await this.options.sessions.revoke(outcome.loginSessionId, 'account_inactive', this.now());
      throw AppError.unauthenticated('this account is no longer active');
    }
    const { token, expiresInSeconds } = this.options.tokens.issueStaff({
      kind: 'staff',
      staffId: user.id,
      role: user.role,
      loginSessionId: outcome.loginSessionId,
    });
    return { accessToken: token, expiresInSeconds, refreshToken: next, user: await profileOf(user.id) };
  }

  async logout(loginSessionId: string): Promise<void> {
    await this.options.sessions.revoke(loginSessionId, 'logout', this.now());
    this.options.disconnectSession(loginSessionId);
  }

  /** Deactivation, password reset, role change: every login of the member ends now. */
  async revokeAllFor(staffId: string, reason: string): Promise<void> {
    await this.options.sessions.revokeAllFor(staffId, reason, this.now());
  }

  isLive(loginSessionId: string, staffId: string): Promise<boolean> {
    return this.options.sessions.isLive(loginSessionId, staffId, this.now());
  }
}
