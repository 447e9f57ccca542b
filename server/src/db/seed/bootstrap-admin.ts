import { hashPassword } from '../../auth/passwords';
import { createLogger } from '../../logging/logger';
import type { StaffUserRepository } from '../repositories/staff-user-repository';

const log = createLogger('bootstrap-admin');

/**
 * The first administrator of an install without demo data: created once from
 * BOOTSTRAP_ADMIN_LOGIN / BOOTSTRAP_ADMIN_PASSWORD, never changed afterwards.
 */
export async function ensureBootstrapAdmin(staff: StaffUserRepository, loginId: string, password: string): Promise<void> {
  if (await staff.findByLoginIdWithHash(loginId)) return;
  await staff.create({ loginId, displayName: '管理者', role: 'admin', passwordHash: await hashPassword(password) });
  log.info('bootstrap administrator created');
}
