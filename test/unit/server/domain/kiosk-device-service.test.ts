import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CameraRoles } from '@madoguchi/contract/kiosks';
import { hashDeviceSecret } from '../../../../server/src/auth/device-credentials';
import { TokenService } from '../../../../server/src/auth/token-service';
import { AppError } from '../../../../server/src/domain/app-error';
import { AttemptLimiter } from '../../../../server/src/domain/attempt-limiter';
import { hashInstallerCode, hashPairingCode } from '../../../../server/src/domain/kiosk-codes';
import { KioskDeviceService } from '../../../../server/src/domain/kiosk-device-service';

const codeOf = (error: unknown): string | undefined => (error instanceof AppError ? error.code : undefined);

/** One kiosk in memory with a pairing code and an installer code; real tokens, real code hashing, real attempt counters. */
function setUp() {
  const audit: { action: string; actorId: string | null }[] = [];
  const disconnected: string[] = [];
  let now = Date.parse('2026-12-04T01:00:00Z');
  const kiosk = {
    id: 'k1',
    name: '中央図書館',
    location: '1F',
    address: '',
    cameraRoles: { faceCameraId: null, documentCameraId: null } as CameraRoles,
    active: true,
    credentialHash: null as string | null,
    pairingCodeHash: hashPairingCode('12345678') as string | null,
    installerCodeHash: hashInstallerCode('87654321'),
    installerUntil: null as Date | null,
  };
  const tokens = new TokenService({ secret: 'unit-test-secret-that-is-long-enough', staffTtlSeconds: 60, kioskTtlSeconds: 60 });
  const service = new KioskDeviceService({
    kiosks: {
      findById: async (id) => (id === kiosk.id ? kiosk : null),
      findByIdWithCredentialHash: async (id) => (id === kiosk.id ? kiosk : null),
      completePairing: async (codeHash, credentialHash) => {
        if (codeHash !== kiosk.pairingCodeHash) return null;
        kiosk.pairingCodeHash = null;
        kiosk.credentialHash = credentialHash;
        return kiosk;
      },
      openInstaller: async (id, codeHash, _at, until) => {
        if (id !== kiosk.id || codeHash !== kiosk.installerCodeHash) return false;
        kiosk.installerUntil = until;
        return true;
      },
      saveDevicesDuringInstall: async (id, cameraRoles, at) => {
        if (id !== kiosk.id || !kiosk.installerUntil || kiosk.installerUntil <= at) return false;
        kiosk.cameraRoles = cameraRoles;
        return true;
      },
    },
    departments: { list: async () => [] },
    townSettings: { kioskDisplay: async () => ({ residentNameDisplay: 'family_name', counterPhone: '0120-000-000', openingHours: '8:30-17:15', offerBookingHere: false }) },
    bookingOffers: { kioskOffers: async () => [] },
    tokens,
    audit: {
      record: async (entry) => {
        audit.push({ action: entry.action, actorId: entry.actorId });
      },
    },
    codeAttempts: new AttemptLimiter({ prefix: `unit-${Math.random()}` }, { name: 'pairing', attempts: 3, windowSeconds: 900 }),
    disconnect: (id) => disconnected.push(id),
    now: () => new Date(now),
  });
  return { service, kiosk, audit, disconnected, tokens, advance: (ms: number) => (now += ms) };
}

describe('KioskDeviceService (real tokens, code hashing and attempt counters; kiosks in memory)', () => {
  it('pairing with the right code gives a credential that trades for a kiosk token; old sockets are cut and it is audited', async () => {
    const { service, audit, disconnected, tokens } = setUp();
    const paired = await service.pair('12345678', '10.0.0.1');
    assert.match(paired.credential, /^k1\./);
    assert.deepEqual(disconnected, ['k1']);
    assert.deepEqual(audit, [{ action: 'kiosk_paired', actorId: 'k1' }]);
    const { accessToken } = await service.token(paired.credential);
    assert.deepEqual(tokens.verify(accessToken), { kind: 'kiosk', kioskId: 'k1' });
  });

  it('a wrong pairing code is audited and counted; guesses stop at the limit even with the right code', async () => {
    const { service, audit } = setUp();
    for (let i = 0; i < 3; i += 1) await assert.rejects(service.pair('00000000', '10.0.0.2'), (e) => codeOf(e) === 'NOT_FOUND');
    assert.deepEqual(audit.map((a) => a.action), ['kiosk_pairing_failed', 'kiosk_pairing_failed', 'kiosk_pairing_failed']);
    await assert.rejects(service.pair('12345678', '10.0.0.2'), (e) => codeOf(e) === 'RATE_LIMITED');
  });

  it('a credential that does not match (forged, or replaced by a new pairing, or of a revoked kiosk) gets no token', async () => {
    const { service, kiosk } = setUp();
    const { credential } = await service.pair('12345678', '10.0.0.3');
    await assert.rejects(service.token('k1.forged'), (e) => codeOf(e) === 'UNAUTHENTICATED');
    await assert.rejects(service.token('nodot'), (e) => codeOf(e) === 'UNAUTHENTICATED');
    kiosk.credentialHash = hashDeviceSecret('another-device');
    await assert.rejects(service.token(credential), (e) => codeOf(e) === 'UNAUTHENTICATED');
    // The right credential of a kiosk an admin has since deactivated.
    kiosk.credentialHash = hashDeviceSecret(credential.slice('k1.'.length));
    assert.ok(await service.token(credential));
    kiosk.active = false;
    await assert.rejects(service.token(credential), (e) => codeOf(e) === 'UNAUTHENTICATED');
  });

  it('cameras are saved only while the installer code has opened the set-up, for thirty minutes', async () => {
    const { service, kiosk, audit, advance } = setUp();
    await assert.rejects(service.saveDevices('k1', { faceCameraId: null, documentCameraId: 'cam-2' }), (e) => codeOf(e) === 'FORBIDDEN');
    await assert.rejects(service.openInstaller('k1', '11111111'), (e) => codeOf(e) === 'NOT_FOUND');
    const { until } = await service.openInstaller('k1', '87654321');
    assert.equal(until, '2026-12-04T01:30:00.000Z');
    await service.saveDevices('k1', { faceCameraId: null, documentCameraId: 'cam-2' });
    assert.deepEqual(kiosk.cameraRoles, { faceCameraId: null, documentCameraId: 'cam-2' });
    advance(31 * 60_000);
    await assert.rejects(service.saveDevices('k1', { faceCameraId: null, documentCameraId: 'cam-3' }), (e) => codeOf(e) === 'FORBIDDEN');
    assert.deepEqual(audit.map((a) => a.action), ['kiosk_installer_opened', 'kiosk_devices_saved']);
  });

  it("the kiosk's configuration carries where else to turn when nobody answers", async () => {
    const { service } = setUp();
    const config = await service.config('k1');
    assert.equal(config.kiosk.name, '中央図書館');
    assert.deepEqual(config.alternatives, { counterPhone: '0120-000-000', openingHours: '8:30-17:15', bookHere: [] });
    await assert.rejects(service.config('k9'), (e) => codeOf(e) === 'NOT_FOUND');
  });
});
