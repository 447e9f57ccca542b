import jwt from 'jsonwebtoken';
import { AppError } from '../domain/app-error';
import { AUDIENCE, TOKEN_ISSUER, type Grant, type GuestGrant, type KioskGrant, type StaffGrant, type StaffRole } from './grants';

const ALGORITHM = 'HS256';

export interface TokenServiceOptions {
  secret: string;
  staffTtlSeconds: number;
  kioskTtlSeconds: number;
}

/** Issues and verifies access tokens; the algorithm, issuer and audience are pinned. */
export class TokenService {
  constructor(private readonly options: TokenServiceOptions) {}

  issueStaff(grant: StaffGrant): { token: string; expiresInSeconds: number } {
    const expiresInSeconds = this.options.staffTtlSeconds;
    const token = jwt.sign({ role: grant.role, sid: grant.loginSessionId }, this.options.secret, {
      algorithm: ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: AUDIENCE.staff,
      subject: grant.staffId,
      expiresIn: expiresInSeconds,
    });
    return { token, expiresInSeconds };
  }

  issueKiosk(grant: KioskGrant): { token: string; expiresInSeconds: number } {
    const expiresInSeconds = this.options.kioskTtlSeconds;
    const token = jwt.sign({}, this.options.secret, {
      algorithm: ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: AUDIENCE.kiosk,
      subject: grant.kioskId,
      expiresIn: expiresInSeconds,
    });
    return { token, expiresInSeconds };
  }

  issueGuest(grant: GuestGrant, expiresInSeconds: number): { token: string; expiresInSeconds: number } {
    const token = jwt.sign({ sid: grant.consultationId }, this.options.secret, {
      algorithm: ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: AUDIENCE.guest,
      subject: grant.linkId,
      expiresIn: expiresInSeconds,
    });
    return { token, expiresInSeconds };
  }

  /** Accepts a staff, kiosk or guest token; anything else is UNAUTHENTICATED. */
  verify(token: string): Grant {
    return this.verifyWithExpiry(token).grant;
  }

  /** The grant and the instant the token stops working. */
  verifyWithExpiry(token: string): { grant: Grant; expiresAt: Date } {
    let claims: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.options.secret, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: [AUDIENCE.staff, AUDIENCE.kiosk, AUDIENCE.guest],
      });
      if (typeof decoded === 'string') throw new Error('unexpected token payload');
      claims = decoded;
    } catch (error) {
      throw AppError.unauthenticated('invalid or expired token', error);
    }
    const subject = claims.sub;
    if (!subject) throw AppError.unauthenticated('token has no subject');
    const expiresAt = new Date((claims.exp ?? 0) * 1000);
    if (claims.aud === AUDIENCE.kiosk) return { grant: { kind: 'kiosk', kioskId: subject }, expiresAt };
    if (claims.aud === AUDIENCE.guest) {
      const guestConsultationId = claims['sid'];
      if (typeof guestConsultationId !== 'string') throw AppError.unauthenticated('guest token has no consultation');
      return { grant: { kind: 'guest', linkId: subject, consultationId: guestConsultationId }, expiresAt };
    }
    const role = claims['role'];
    const loginSessionId = claims['sid'];
    if (role !== 'staff' && role !== 'admin') throw AppError.unauthenticated('token has no valid role');
    if (typeof loginSessionId !== 'string') throw AppError.unauthenticated('token has no session');
    return { grant: { kind: 'staff', staffId: subject, role: role as StaffRole, loginSessionId }, expiresAt };
  }
}
