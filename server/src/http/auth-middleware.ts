import type { NextFunction, Request, Response } from 'express';
import type { Grant, StaffGrant, StaffRole } from '../auth/grants';
import type { TokenService } from '../auth/token-service';
import { AppError } from '../domain/app-error';

export interface AuthLocals {
  grant: Grant;
}

/** Reads the bearer token into res.locals.grant; refuses requests without a valid one. */
export function requireStaff(tokens: TokenService, roles: readonly StaffRole[] = ['staff', 'admin']) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(header);
    if (!match?.[1]) throw AppError.unauthenticated();
    const grant = tokens.verify(match[1]);
    if (grant.kind !== 'staff') throw AppError.forbidden('a staff login is required');
    if (!roles.includes(grant.role)) throw AppError.forbidden();
    res.locals['grant'] = grant;
    next();
  };
}

export function staffGrantOf(res: Response): StaffGrant {
  const grant = res.locals['grant'] as Grant | undefined;
  if (grant?.kind !== 'staff') throw AppError.unauthenticated();
  return grant;
}
