import type { DataSource, Repository } from 'typeorm';
import type { StaffRole } from '../../auth/grants';
import { StaffUserEntity, type StaffUserRow } from '../entities/staff-user-entity';

export interface StaffUserRecord {
  id: string;
  loginId: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
}

export interface StaffUserWithHash extends StaffUserRecord {
  passwordHash: string;
}

function toRecord(row: StaffUserRow): StaffUserRecord {
  return { id: row.id, loginId: row.loginId, displayName: row.displayName, role: row.role, active: row.active };
}

export class StaffUserRepository {
  private readonly repo: Repository<StaffUserRow>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(StaffUserEntity);
  }

  async findById(id: string): Promise<StaffUserRecord | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async findByLoginIdWithHash(loginId: string): Promise<StaffUserWithHash | null> {
    const row = await this.repo.findOneBy({ loginId });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async create(input: Omit<StaffUserWithHash, 'id' | 'active'>): Promise<StaffUserRecord> {
    const row = await this.repo.save(this.repo.create({ ...input, active: true }));
    return toRecord(row);
  }

  async count(): Promise<number> {
    return this.repo.count();
  }
}
