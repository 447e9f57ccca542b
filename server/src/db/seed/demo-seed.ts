import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashDeviceSecret, newDeviceSecret } from '../../auth/device-credentials';
import { hashPassword } from '../../auth/passwords';
import { createLogger } from '../../logging/logger';
import type { KioskRepository } from '../repositories/kiosk-repository';
import type { StaffUserRepository } from '../repositories/staff-user-repository';

const log = createLogger('demo-seed');

export const DEMO_STAFF_LOGIN = 'demo-staff';
export const DEMO_KIOSK_NAME = '中央図書館 相談窓口';

export interface DemoAccess {
  staffLoginId: string;
  staffPassword: string;
  /** `<kioskId>.<secret>`, the device credential the demo kiosk page carries. */
  kioskCredential: string;
}

/**
 * Makes sure the demo staff member and the demo kiosk exist. The kiosk's plaintext credential
 * lives only in `<dataDir>/demo-kiosk-credential` (mode 600) so `npm start` can print its URL;
 * if that file is gone the credential is rotated.
 */
export async function ensureDemoAccess(options: {
  staff: StaffUserRepository;
  kiosks: KioskRepository;
  dataDir: string;
  staffPassword: string;
}): Promise<DemoAccess> {
  const { staff, kiosks, dataDir, staffPassword } = options;
  if (!(await staff.findByLoginIdWithHash(DEMO_STAFF_LOGIN))) {
    await staff.create({
      loginId: DEMO_STAFF_LOGIN,
      displayName: '窓口 花子',
      role: 'staff',
      passwordHash: await hashPassword(staffPassword),
    });
    log.info('demo staff created');
  }
  if (!(await staff.findByLoginIdWithHash('demo-admin'))) {
    await staff.create({
      loginId: 'demo-admin',
      displayName: '管理 太郎',
      role: 'admin',
      passwordHash: await hashPassword(staffPassword),
    });
  }

  const credentialFile = path.join(dataDir, 'demo-kiosk-credential');
  let kiosk = await kiosks.findByName(DEMO_KIOSK_NAME);
  if (kiosk && existsSync(credentialFile)) {
    const saved = readFileSync(credentialFile, 'utf8').trim();
    if (saved.startsWith(`${kiosk.id}.`)) {
      return { staffLoginId: DEMO_STAFF_LOGIN, staffPassword, kioskCredential: saved };
    }
  }
  const secret = newDeviceSecret();
  if (kiosk) {
    await kiosks.updateCredentialHash(kiosk.id, hashDeviceSecret(secret));
  } else {
    kiosk = await kiosks.create({ name: DEMO_KIOSK_NAME, location: '中央図書館 1階', address: '本町1-2-3', credentialHash: hashDeviceSecret(secret) });
    log.info('demo kiosk created');
  }
  const kioskCredential = `${kiosk.id}.${secret}`;
  writeFileSync(credentialFile, kioskCredential, { mode: 0o600 });
  return { staffLoginId: DEMO_STAFF_LOGIN, staffPassword, kioskCredential };
}
