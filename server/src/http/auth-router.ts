import { Router } from 'express';
import { verifyPassword } from '../auth/passwords';
import type { TokenService } from '../auth/token-service';
import { LoginRequest, type LoginResponse, type StaffProfile } from '../contract/rest';
import type { StaffUserRepository } from '../db/repositories/staff-user-repository';
import { AppError } from '../domain/app-error';
import { createLogger } from '../logging/logger';
import { requireStaff, staffGrantOf } from './auth-middleware';
import { parseInput } from './validate';

const log = createLogger('auth');

export function createAuthRouter({ staff, tokens }: { staff: StaffUserRepository; tokens: TokenService }): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { loginId, password } = parseInput(LoginRequest, req.body);
    const user = await staff.findByLoginIdWithHash(loginId);
    const valid = user !== null && user.active && (await verifyPassword(password, user.passwordHash));
    if (!user || !valid) {
      log.info('login refused');
      throw AppError.unauthenticated('ログインIDまたはパスワードが違います');
    }
    const { token, expiresInSeconds } = tokens.issueStaff({ kind: 'staff', staffId: user.id, role: user.role });
    log.info({ staffId: user.id }, 'login');
    const profile: StaffProfile = { id: user.id, loginId: user.loginId, displayName: user.displayName, role: user.role };
    const body: LoginResponse = { accessToken: token, expiresInSeconds, user: profile };
    res.json(body);
  });

  router.get('/me', requireStaff(tokens), async (_req, res) => {
    const user = await staff.findById(staffGrantOf(res).staffId);
    if (!user || !user.active) throw AppError.unauthenticated('this account is no longer active');
    const profile: StaffProfile = { id: user.id, loginId: user.loginId, displayName: user.displayName, role: user.role };
    res.json(profile);
  });

  return router;
}
