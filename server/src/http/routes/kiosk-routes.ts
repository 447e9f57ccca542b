import { type KioskRegistered, type KioskSummary, type PairingCode } from '@madoguchi/contract/kiosks';
import { AppError } from '../../domain/app-error';
import { newPairingCode } from '../../domain/check-in-code';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../domain/pg-errors';
import { staffOf, type ApiRegistry } from '../api-registry';
import { hashInstallerCode, hashPairingCode } from './kiosk-device-routes';
import type { RouteDeps } from './route-deps';

/** Admins register, pair, edit and revoke kiosks; staff may read their status. */
export function registerKioskRoutes(api: ApiRegistry, deps: RouteDeps): void {
  const mustFind = async (id: string): Promise<KioskSummary> => {
    const kiosk = await deps.kiosks.findSummary(id);
    if (!kiosk) throw AppError.notFound('kiosk');
    return kiosk;
  };

  const issuePairing = async (kioskId: string, actorId: string): Promise<PairingCode> => {
    const expiresAt = new Date(deps.now().getTime() + deps.pairingCodeTtlMs);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const code = newPairingCode();
      try {
        if (!(await deps.kiosks.setPairingCode(kioskId, hashPairingCode(code), expiresAt))) throw AppError.notFound('kiosk');
      } catch (error) {
        if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) continue;
        throw error;
      }
      await deps.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_pairing_issued', targetType: 'kiosk', targetId: kioskId });
      return { kioskId, code, expiresAt: expiresAt.toISOString() };
    }
    throw AppError.invalidState('could not draw a unique pairing code; try again');
  };

  api.handle('listKiosks', async () => deps.kiosks.listSummaries());

  api.handle('createKiosk', async ({ body, caller }) => {
    const actorId = staffOf(caller).staffId;
    const kiosk = await deps.kiosks.create({ ...body, credentialHash: null });
    await deps.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_registered', targetType: 'kiosk', targetId: kiosk.id });
    const pairing = await issuePairing(kiosk.id, actorId);
    const registered: KioskRegistered = { kiosk: await mustFind(kiosk.id), pairing };
    return registered;
  });

  api.handle('updateKiosk', async ({ params, body, caller }) => {
    if (!(await deps.kiosks.update(params.id, body))) throw AppError.notFound('kiosk');
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'kiosk_updated', targetType: 'kiosk', targetId: params.id, details: { fields: Object.keys(body) } });
    return mustFind(params.id);
  });

  api.handle('issuePairingCode', async ({ params, caller }) => {
    await mustFind(params.id);
    return issuePairing(params.id, staffOf(caller).staffId);
  });

  api.handle('issueInstallerCode', async ({ params, caller }) => {
    await mustFind(params.id);
    const expiresAt = new Date(deps.now().getTime() + deps.pairingCodeTtlMs);
    const code = newPairingCode();
    if (!(await deps.kiosks.setInstallerCode(params.id, hashInstallerCode(code), expiresAt))) throw AppError.invalidState('the kiosk is not active');
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'kiosk_installer_issued', targetType: 'kiosk', targetId: params.id });
    const issued: PairingCode = { kioskId: params.id, code, expiresAt: expiresAt.toISOString() };
    return issued;
  });

  api.handle('revokeKiosk', async ({ params, caller }) => {
    if (!(await deps.kiosks.revoke(params.id))) throw AppError.notFound('kiosk');
    deps.disconnect.kiosk(params.id);
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'kiosk_revoked', targetType: 'kiosk', targetId: params.id });
    return mustFind(params.id);
  });
}
