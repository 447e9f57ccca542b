import { deviceSecretMatches, hashDeviceSecret, newDeviceSecret, parseDeviceCredential } from '../../auth/device-credentials';
import { type InstallerSession, type KioskConfig, type PairKioskResponse } from '@madoguchi/contract/kiosks';
import { type KioskTokenResponse } from '@madoguchi/contract/rest';
import { AppError } from '../../domain/app-error';
import { hashInstallerCode, hashPairingCode } from '../../domain/kiosk-codes';
import { createLogger } from '../../logging/logger';
import { kioskOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

const log = createLogger('kiosk-auth');

/** How long the device set-up stays open after the installer code was typed. */
const INSTALLER_WINDOW_MS = 30 * 60_000;

/** What a kiosk device does for itself: pair once, then trade its credential for tokens. */
export function registerKioskDeviceRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('kioskToken', async ({ body }) => {
    const parsed = parseDeviceCredential(body.credential);
    const kiosk = parsed ? await deps.kiosks.findByIdWithCredentialHash(parsed.kioskId) : null;
    if (!parsed || !kiosk?.active || !kiosk.credentialHash || !deviceSecretMatches(parsed.secret, kiosk.credentialHash)) {
      log.info('kiosk credential refused');
      throw AppError.unauthenticated('this kiosk is not registered or its credential was revoked');
    }
    const { token, expiresInSeconds } = deps.tokens.issueKiosk({ kind: 'kiosk', kioskId: kiosk.id });
    const response: KioskTokenResponse = {
      accessToken: token,
      expiresInSeconds,
      kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location },
    };
    return response;
  });

  api.handle('kioskPair', async ({ body, req }) => {
    const address = req.ip ?? 'unknown';
    // Counted before the lookup, so parallel guesses cannot overtake the count.
    await deps.limiters.pairing.take(address);
    const secret = newDeviceSecret();
    const kiosk = await deps.kiosks.completePairing(hashPairingCode(body.code), hashDeviceSecret(secret), deps.now());
    if (!kiosk) {
      await deps.audit.record({ actorKind: 'anonymous', actorId: null, action: 'kiosk_pairing_failed' });
      throw AppError.notFound('pairing code (it may have expired; ask the administrator for a new one)');
    }
    await deps.limiters.pairing.giveBack(address);
    await deps.audit.record({ actorKind: 'kiosk', actorId: kiosk.id, action: 'kiosk_paired', targetType: 'kiosk', targetId: kiosk.id });
    // A device paired anew replaces whatever held the old credential.
    deps.disconnect.kiosk(kiosk.id);
    const response: PairKioskResponse = {
      credential: `${kiosk.id}.${secret}`,
      kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location },
    };
    return response;
  });

  api.handle('openKioskInstaller', async ({ body, caller }) => {
    const { kioskId } = kioskOf(caller);
    const key = `installer:${kioskId}`;
    // Counted before the lookup, like pairing codes, so parallel guesses cannot overtake the count.
    await deps.limiters.pairing.take(key);
    const until = new Date(deps.now().getTime() + INSTALLER_WINDOW_MS);
    if (!(await deps.kiosks.openInstaller(kioskId, hashInstallerCode(body.code), deps.now(), until))) {
      throw AppError.notFound('installer code (it may have expired, or be for another kiosk; ask the administrator for a new one)');
    }
    await deps.limiters.pairing.giveBack(key);
    await deps.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'kiosk_installer_opened', targetType: 'kiosk', targetId: kioskId });
    const session: InstallerSession = { until: until.toISOString() };
    return session;
  });

  api.handle('saveKioskDevices', async ({ body, caller }) => {
    const { kioskId } = kioskOf(caller);
    if (!(await deps.kiosks.saveDevicesDuringInstall(kioskId, body.cameraRoles, deps.now()))) {
      throw AppError.forbidden('installer mode is not open on this kiosk; type a new installer code');
    }
    await deps.audit.record({ actorKind: 'kiosk', actorId: kioskId, action: 'kiosk_devices_saved', targetType: 'kiosk', targetId: kioskId });
    return null;
  });

  api.handle('kioskConfig', async ({ caller }) => {
    const kiosk = await deps.kiosks.findById(kioskOf(caller).kioskId);
    if (!kiosk) throw AppError.notFound('kiosk');
    const display = await deps.townSettings.kioskDisplay();
    const config: KioskConfig = {
      kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location, address: kiosk.address, cameraRoles: kiosk.cameraRoles },
      departments: await deps.departments.list({ includeInactive: false }),
      alternatives: {
        counterPhone: display.counterPhone,
        openingHours: display.openingHours,
        bookHere: display.offerBookingHere ? await deps.freeTimes.kioskOffers(kiosk.id) : [],
      },
    };
    return config;
  });
}
