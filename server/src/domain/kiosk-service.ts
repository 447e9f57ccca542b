import type { CreateKioskRequest, KioskRegistered, KioskSummary, PairingCode, UpdateKioskRequest } from '@madoguchi/contract/kiosks';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import { AppError } from './app-error';
import { newPairingCode } from './check-in-code';
import { hashInstallerCode, hashPairingCode } from './kiosk-codes';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from './pg-errors';

export interface KioskServiceOptions {
  kiosks: KioskRepository;
  audit: AuditLogRepository;
  /** How long a pairing or installer code stays valid (PAIRING_CODE_TTL_MINUTES). */
  pairingCodeTtlMs: number;
  /** Cuts the kiosk's live sockets at once. */
  disconnect(kioskId: string): void;
  now: () => Date;
}

/** A clash with another kiosk's live code is rare; a few fresh draws settle it. */
const PAIRING_DRAWS = 8;

/**
 * The admins' side of kiosks: registering one issues its first pairing code, codes are drawn
 * again on the rare clash, a revoked kiosk is disconnected at once. Every change is audited.
 */
export class KioskService {
  constructor(private readonly options: KioskServiceOptions) {}

  list(): Promise<KioskSummary[]> {
    return this.options.kiosks.listSummaries();
  }

  async register(actorId: string, request: CreateKioskRequest): Promise<KioskRegistered> {
    const kiosk = await this.options.kiosks.create({ ...request, credentialHash: null });
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_registered', targetType: 'kiosk', targetId: kiosk.id });
    const pairing = await this.drawPairingCode(actorId, kiosk.id);
    return { kiosk: await this.mustFind(kiosk.id), pairing };
  }

  async update(actorId: string, id: string, changes: UpdateKioskRequest): Promise<KioskSummary> {
    if (!(await this.options.kiosks.update(id, changes))) throw AppError.notFound('kiosk');
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_updated', targetType: 'kiosk', targetId: id, details: { fields: Object.keys(changes) } });
    return this.mustFind(id);
  }

  async issuePairingCode(actorId: string, id: string): Promise<PairingCode> {
    await this.mustFind(id);
    return this.drawPairingCode(actorId, id);
  }

  async issueInstallerCode(actorId: string, id: string): Promise<PairingCode> {
    await this.mustFind(id);
    const expiresAt = this.codeExpiry();
    const code = newPairingCode();
    if (!(await this.options.kiosks.setInstallerCode(id, hashInstallerCode(code), expiresAt))) throw AppError.invalidState('the kiosk is not active');
    await this.options.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_installer_issued', targetType: 'kiosk', targetId: id });
    return { kioskId: id, code, expiresAt: expiresAt.toISOString() };
  }

  /** Its credential stops working and its sockets close at once. */
  async revoke(actorId: string, id: string): Promise<KioskSummary> {
    const outcome = await this.options.kiosks.revoke(id);
    if (outcome === 'missing') throw AppError.notFound('kiosk');
    this.options.disconnect(id);
    // Revoking again (a double click, two admins) answers the same but is no second revocation in the audit log.
    if (outcome === 'revoked') await this.options.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_revoked', targetType: 'kiosk', targetId: id });
    return this.mustFind(id);
  }

  private async drawPairingCode(actorId: string, kioskId: string): Promise<PairingCode> {
    const expiresAt = this.codeExpiry();
    for (let attempt = 0; attempt < PAIRING_DRAWS; attempt += 1) {
      const code = newPairingCode();
      try {
        if (!(await this.options.kiosks.setPairingCode(kioskId, hashPairingCode(code), expiresAt))) throw AppError.notFound('kiosk');
      } catch (error) {
        if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) continue;
        throw error;
      }
      await this.options.audit.record({ actorKind: 'staff', actorId, action: 'kiosk_pairing_issued', targetType: 'kiosk', targetId: kioskId });
      return { kioskId, code, expiresAt: expiresAt.toISOString() };
    }
    throw AppError.invalidState('could not draw a unique pairing code; try again');
  }

  private codeExpiry(): Date {
    return new Date(this.options.now().getTime() + this.options.pairingCodeTtlMs);
  }

  private async mustFind(id: string): Promise<KioskSummary> {
    const kiosk = await this.options.kiosks.findSummary(id);
    if (!kiosk) throw AppError.notFound('kiosk');
    return kiosk;
  }
}
