import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import { AppError } from '../domain/app-error';
import type { StaffRole } from './grants';
import type { TokenService } from './token-service';

/** Who is behind a valid token, after the account or device behind it has been checked. */
export type Principal =
  | {
      kind: 'staff';
      role: StaffRole;
      staffId: string;
      /** The login session (refresh-token family) the token belongs to. */
      loginSessionId: string;
      displayName: string;
      departmentIds: string[];
      /** An admin-issued temporary password: only the password change and logout until it is replaced. */
      mustChangePassword: boolean;
    }
  | { kind: 'kiosk'; kioskId: string; displayName: string }
  | { kind: 'guest'; linkId: string; consultationId: string };

export interface ResolvedPrincipal {
  principal: Principal;
  expiresAt: Date;
}

export interface PrincipalResolverOptions {
  tokens: TokenService;
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  /** Whether this staff login session is still live (not logged out, revoked or expired). */
  loginLive(loginSessionId: string, staffId: string): Promise<boolean>;
}

/**
 * The one place a bearer token becomes a principal, for REST and sockets alike: the token is
 * verified, then the account or device behind it is read fresh, so a deactivation, revocation,
 * logout or role change counts at once, with the same refusal on both edges.
 */
export class PrincipalResolver {
  constructor(private readonly options: PrincipalResolverOptions) {}

  async resolve(token: string): Promise<ResolvedPrincipal> {
    const { grant, expiresAt } = this.options.tokens.verifyWithExpiry(token);
    if (grant.kind === 'guest') return { principal: { kind: 'guest', linkId: grant.linkId, consultationId: grant.consultationId }, expiresAt };
    if (grant.kind === 'kiosk') {
      const kiosk = await this.options.kiosks.findById(grant.kioskId);
      if (!kiosk?.active) throw AppError.unauthenticated('this kiosk is not registered');
      return { principal: { kind: 'kiosk', kioskId: kiosk.id, displayName: kiosk.name }, expiresAt };
    }
    const member = await this.options.staff.findMember(grant.staffId);
    if (!member?.active) throw AppError.unauthenticated('this account is no longer active');
    if (!(await this.options.loginLive(grant.loginSessionId, member.id))) throw AppError.unauthenticated('this login has ended; please log in again');
    return {
      principal: {
        kind: 'staff',
        role: member.role,
        staffId: member.id,
        loginSessionId: grant.loginSessionId,
        displayName: member.displayName,
        departmentIds: member.departmentIds,
        mustChangePassword: member.mustChangePassword,
      },
      expiresAt,
    };
  }
}
