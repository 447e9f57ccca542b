import type { DataSource, Repository } from 'typeorm';
import { KioskEntity, type KioskRow } from '../entities/kiosk-entity';

export interface KioskRecord {
  id: string;
  name: string;
  location: string;
  active: boolean;
}

function toRecord(row: KioskRow): KioskRecord {
  return { id: row.id, name: row.name, location: row.location, active: row.active };
}

export class KioskRepository {
  private readonly repo: Repository<KioskRow>;

  constructor(dataSource: DataSource) {
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

  async create(input: { name: string; location: string; credentialHash: string | null }): Promise<KioskRecord> {
    const row = await this.repo.save(this.repo.create({ ...input, active: true }));
    return toRecord(row);
  }

  async updateCredentialHash(id: string, credentialHash: string): Promise<void> {
    await this.repo.update({ id }, { credentialHash });
  }
}
