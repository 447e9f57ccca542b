import type { CameraRoles, InstallerWindow, KioskConfig, PairKioskResponse } from '@madoguchi/contract/kiosks';
import type { KioskTokenResponse } from '@madoguchi/contract/rest';
import { deviceSecretMatches, hashDeviceSecret, newDeviceSecret, parseDeviceCredential } from '../auth/device-credentials';
import type { TokenService } from '../auth/token-service';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import type { TownSettingRepository } from '../db/repositories/town-setting-repository';
import { createLogger } from '../logging/logger';
import { AppError } from './app-error';
import type { FreeTimeService } from './free-time-service';
import type { AttemptLimiter } from './attempt-limiter';
import { hashInstallerCode, hashPairingCode } from './kiosk-codes';

const log = createLogger('kiosk-auth');

/** How long the device set-up stays open after the installer code was typed. */
const INSTALLER_WINDOW_MS = 30 * 60_000;

export interface KioskDeviceOptions {
  kiosks: Pick<KioskRepository, 'findByIdWithCredentialHash' | 'completePairing' | 'openInstaller' | 'saveDevicesDuringInstall' | 'findById'>;
  departments: Pick<DepartmentRepository, 'list'>;
  townSettings: Pick<TownSettingRepository, 'kioskDisplay'>;
  /** What 「この窓口で予約する」 may book at a kiosk (設定 → 予約枠). */
  bookingOffers: Pick<FreeTimeService, 'kioskOffers'>;
  tokens: Pick<TokenService, 'issueKiosk'>;
  audit: Pick<AuditLogRepository, 'record'>;
  /** Pairing and installer codes: guesses are counted per address (pairing) or per kiosk (installer). */
  codeAttempts: Pick<AttemptLimiter, 'take' | 'giveBack'>;
  /** Cuts the kiosk's live sockets at once. */
  disconnect(kioskId: string): void;
  now: () => Date;
}

/**
 * What a kiosk device does for itself: pair once with the code an admin gave, trade its
 * credential for short tokens, open the installers' set-up with a one-time code and save its
 * cameras, read its configuration. Codes are attempt-limited and every change is audited.
 */
export class KioskDeviceService {
  constructor(private readonly options: KioskDeviceOptions) {}

  /** A token for a registered kiosk whose credential still matches (not revoked, not paired again). */
  async token(credential: string): Promise<KioskTokenResponse> {
    const parsed = parseDeviceCredential(credential);
    const kiosk = parsed ? await this.options.kiosks.findByIdWithCredentialHash(parsed.kioskId) : null;
    if (!parsed || !kiosk?.active || !kiosk.credentialHash || !deviceSecretMatches(parsed.secret, kiosk.credentialHash)) {
      log.info('kiosk credential refused');
      throw AppError.unauthenticated('this kiosk is not registered or its credential was revoked');
    }
    const { token, expiresInSeconds } = this.options.tokens.issueKiosk({ kind: 'kiosk', kioskId: kiosk.id });
    return { accessToken: token, expiresInSeconds, kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location } };
  }

  /** The device types the pairing code; it gets its credential, and whatever held the old one is cut off. */
  async pair(code: string, address: string): Promise<PairKioskResponse> {
    const { audit, codeAttempts } = this.options;
    // Counted before the lookup, so parallel guesses cannot overtake the count.
    await codeAttempts.take(address);
    const secret = newDeviceSecret();
    const kiosk = await this.options.kiosks.completePairing(hashPairingCode(code), hashDeviceSecret(secret), this.options.now());
    if (!kiosk) {
      await audit.record({ actorKind: 'anonymous', actorId: null, action: 'kiosk_pairing_failed' });
      throw AppError.notFound('pairing code (it may have expired; ask the administrator for a new one)');
    }
    await codeAttempts.giveBack(address);
    await audit.record({ actorKind: 'kiosk', actorId: kiosk.id, action: 'kiosk_paired', targetType: 'kiosk', targetId: kiosk.id });
    // A device paired anew replaces whatever held the old credential.
    this.options.disconnect(kiosk.id);
    return { credential: `${kiosk.id}.${secret}`, kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location } };
  }

  /** The installer's one-time code opens the camera set-up on this kiosk for a while. */
  async openInstaller(kioskId: string, code: string): Promise<InstallerWindow> {
    const key = `installer:${kioskId}`;
    // Counted before the lookup, like pairing codes, so parallel guesses cannot overtake the count.
    await this.options.codeAttempts.take(key);
    const until = new Date(this.options.now().getTime() + INSTALLER_WINDOW_MS);
    if (!(await this.options.kiosks.openInstaller(kioskId, hashInstallerCode(code), this.options.now(), until))) {
      throw AppError.notFound('installer code (it may have expired, or be for another kiosk; ask the administrator for a new one)');
    }
    await this.options.codeAttempts.giveBack(key);
    await this.options.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'kiosk_installer_opened', targetType: 'kiosk', targetId: kioskId });
    return { until: until.toISOString() };
  }

  /** Saved only while the installer's set-up is open. */
  async saveDevices(kioskId: string, cameraRoles: CameraRoles): Promise<void> {
    if (!(await this.options.kiosks.saveDevicesDuringInstall(kioskId, cameraRoles, this.options.now()))) {
      throw AppError.forbidden('installer mode is not open on this kiosk; type a new installer code');
    }
    await this.options.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'kiosk_devices_saved', targetType: 'kiosk', targetId: kioskId });
  }

  /** What the kiosk shows: itself, the departments, and where else to turn when nobody answers. */
  async config(kioskId: string): Promise<KioskConfig> {
    const kiosk = await this.options.kiosks.findById(kioskId);
    if (!kiosk) throw AppError.notFound('kiosk');
    const display = await this.options.townSettings.kioskDisplay();
    return {
      kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location, address: kiosk.address, cameraRoles: kiosk.cameraRoles },
      departments: await this.options.departments.list({ includeInactive: false }),
      alternatives: {
        counterPhone: display.counterPhone,
        openingHours: display.openingHours,
        bookHere: display.offerBookingHere ? await this.options.bookingOffers.kioskOffers(kiosk.id) : [],
      },
    };
  }
}
