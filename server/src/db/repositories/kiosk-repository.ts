import type { DataSource, Repository } from 'typeorm';
import type { CameraRoles, KioskStatus, KioskSummary } from '@madoguchi/contract/kiosks';
import { returnedRows } from '../query-result';
import { KioskEntity, type KioskRow } from '../entities/kiosk-entity';

export interface KioskRecord {
  id: string;
  name: string;
  location: string;
  address: string;
  cameraRoles: CameraRoles;
  active: boolean;
}

/** A kiosk is online while its heartbeats (every 30 s) keep arriving. */
export const KIOSK_ONLINE_WINDOW_SECONDS = 90;

function toRecord(row: KioskRow): KioskRecord {
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    address: row.address,
    cameraRoles: row.cameraRoles,
    active: row.active,
  };
}

interface SummaryRow {
  id: string;
  name: string;
  location: string;
  address: string;
  camera_roles: CameraRoles;
  active: boolean;
  last_heartbeat_at: Date | null;
  paired: boolean;
  pairing_expires_at: Date | null;
  online: boolean;
  busy: boolean;
}

const SELECT_SUMMARY = `
  SELECT k.id, k.name, k.location, k.address, k.camera_roles, k.active, k.last_heartbeat_at,
         (k.credential_hash IS NOT NULL AND k.active) AS paired,
         CASE WHEN k.pairing_expires_at > now() THEN k.pairing_expires_at END AS pairing_expires_at,
         (k.last_heartbeat_at > now() - make_interval(secs => ${KIOSK_ONLINE_WINDOW_SECONDS})) AS online,
         EXISTS (SELECT 1 FROM consultation_session s WHERE s.kiosk_id = k.id AND s.ended_at IS NULL) AS busy
    FROM kiosk k`;

function toSummary(row: SummaryRow): KioskSummary {
  const status: KioskStatus = !row.online ? 'offline' : row.busy ? 'busy' : 'online';
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    address: row.address,
    status,
    lastHeartbeatAt: row.last_heartbeat_at?.toISOString() ?? null,
    paired: row.paired,
    pairingExpiresAt: row.pairing_expires_at?.toISOString() ?? null,
    cameraRoles: row.camera_roles,
    active: row.active,
  };
}

export class KioskRepository {
  private readonly repo: Repository<KioskRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(KioskEntity);
  }

  async findById(id: string): Promise<KioskRecord | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async findByIdWithCredentialHash(id: string): Promise<(KioskRecord & { credentialHash: string | null }) | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? { ...toRecord(row), credentialHash: row.credentialHash } : null;
  }

  async findByName(name: string): Promise<KioskRecord | null> {
    const row = await this.repo.findOneBy({ name });
    return row ? toRecord(row) : null;
  }

  async listSummaries(): Promise<KioskSummary[]> {
    const rows: SummaryRow[] = await this.dataSource.query(`${SELECT_SUMMARY} ORDER BY k.active DESC, k.name, k.id`);
    return rows.map(toSummary);
  }

  async findSummary(id: string): Promise<KioskSummary | null> {
    const rows: SummaryRow[] = await this.dataSource.query(`${SELECT_SUMMARY} WHERE k.id = $1`, [id]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async create(input: { name: string; location: string; address?: string; credentialHash: string | null }): Promise<KioskRecord> {
    const row = await this.repo.save(
      this.repo.create({
        name: input.name,
        location: input.location,
        address: input.address ?? '',
        credentialHash: input.credentialHash,
        cameraRoles: { faceCameraId: null, documentCameraId: null },
        active: true,
      }),
    );
    return toRecord(row);
  }

  async update(id: string, changes: Partial<Pick<KioskRow, 'name' | 'location' | 'address' | 'cameraRoles'>>): Promise<boolean> {
    // An empty PATCH changes nothing (TypeORM refuses an UPDATE with no SET): it only says whether the kiosk exists.
    if (Object.values(changes).every((value) => value === undefined)) return this.repo.existsBy({ id });
    const result = await this.repo.update({ id }, changes);
    return (result.affected ?? 0) > 0;
  }

  async updateCredentialHash(id: string, credentialHash: string): Promise<void> {
    await this.repo.update({ id }, { credentialHash });
  }

  /** A new code replaces any outstanding one; the current credential keeps working until the code is used. */
  async setPairingCode(id: string, pairingCodeHash: string, expiresAt: Date): Promise<boolean> {
    const result = await this.repo.update({ id }, { pairingCodeHash, pairingExpiresAt: expiresAt, active: true });
    return (result.affected ?? 0) > 0;
  }

  /** Uses a pairing code once: swaps in the new credential if the code is live. Returns the kiosk or null. */
  async completePairing(pairingCodeHash: string, credentialHash: string, now: Date): Promise<KioskRecord | null> {
    const result: unknown = await this.dataSource.query(
      `UPDATE kiosk SET credential_hash = $2, pairing_code_hash = NULL, pairing_expires_at = NULL, active = true
        WHERE pairing_code_hash = $1 AND pairing_expires_at > $3 RETURNING id`,
      [pairingCodeHash, credentialHash, now],
    );
    const id = returnedRows<{ id: string }>(result)[0]?.id;
    return id ? this.findById(id) : null;
  }

  /** Installer mode: a new code replaces any outstanding one for this kiosk. */
  async setInstallerCode(id: string, codeHash: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE kiosk SET installer_code_hash = $2, installer_code_expires_at = $3 WHERE id = $1 AND active RETURNING id`,
      [id, codeHash, expiresAt],
    );
    return returnedRows(rows).length === 1;
  }

  /** Spends this kiosk's installer code and opens its device set-up until `until`. */
  async openInstaller(id: string, codeHash: string, now: Date, until: Date): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE kiosk SET installer_code_hash = NULL, installer_code_expires_at = NULL, installer_until = $4
        WHERE id = $1 AND installer_code_hash = $2 AND installer_code_expires_at > $3 RETURNING id`,
      [id, codeHash, now, until],
    );
    return returnedRows(rows).length === 1;
  }

  /** The kiosk saves its own cameras, only while its installer mode is open. */
  async saveDevicesDuringInstall(id: string, cameraRoles: CameraRoles, now: Date): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE kiosk SET camera_roles = $2 WHERE id = $1 AND installer_until > $3 RETURNING id`,
      [id, JSON.stringify(cameraRoles), now],
    );
    return returnedRows(rows).length === 1;
  }

  /**
   * `revoked` for the one call that revoked it, `already` for a kiosk revoked before (parallel
   * calls wait for the row lock and then find it inactive), `missing` when there is no such kiosk.
   * A new pairing code makes a kiosk active again (setPairingCode), so it can be revoked again.
   */
  async revoke(id: string): Promise<'revoked' | 'already' | 'missing'> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE kiosk SET credential_hash = NULL, pairing_code_hash = NULL, pairing_expires_at = NULL, active = false
        WHERE id = $1 AND active RETURNING id`,
      [id],
    );
    if (returnedRows(rows).length === 1) return 'revoked';
    return (await this.findById(id)) ? 'already' : 'missing';
  }

  async recordHeartbeat(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastHeartbeatAt: at });
  }
}
