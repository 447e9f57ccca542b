import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { StaffRole } from '../../auth/grants';
import type { Language } from '@madoguchi/contract/languages';
import type { Page } from '@madoguchi/contract/pagination';
import type { StaffMember } from '@madoguchi/contract/staff';
import { StaffUserEntity, type StaffUserRow } from '../entities/staff-user-entity';
import { queryPage } from '../paged-query';

export interface StaffUserRecord {
  id: string;
  loginId: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  mustChangePassword: boolean;
}

export interface StaffUserWithHash extends StaffUserRecord {
  passwordHash: string;
}

function toRecord(row: StaffUserRow): StaffUserRecord {
  return {
    id: row.id,
    loginId: row.loginId,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
  };
}

interface MemberRow {
  id: string;
  login_id: string;
  display_name: string;
  role: StaffRole;
  active: boolean;
  languages: Language[];
  must_change_password: boolean;
  created_at: Date;
  department_ids: string[];
  total?: string;
}

const SELECT_MEMBER = `
  SELECT u.id, u.login_id, u.display_name, u.role, u.active, u.languages, u.must_change_password, u.created_at,
         COALESCE(ARRAY(SELECT sd.department_id FROM staff_department sd WHERE sd.staff_id = u.id ORDER BY sd.department_id), '{}') AS department_ids`;

function toMember(row: MemberRow): StaffMember {
  return {
    id: row.id,
    loginId: row.login_id,
    displayName: row.display_name,
    role: row.role,
    active: row.active,
    languages: row.languages,
    mustChangePassword: row.must_change_password,
    departmentIds: row.department_ids,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NewStaffUser {
  loginId: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  languages?: Language[];
  departmentIds?: string[];
  mustChangePassword?: boolean;
}

export class StaffUserRepository {
  private readonly repo: Repository<StaffUserRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(StaffUserEntity);
  }

  async findById(id: string): Promise<StaffUserRecord | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? toRecord(row) : null;
  }

  async findWithHashById(id: string): Promise<StaffUserWithHash | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async findByLoginIdWithHash(loginId: string): Promise<StaffUserWithHash | null> {
    const row = await this.repo.findOneBy({ loginId });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async findMember(id: string): Promise<StaffMember | null> {
    const rows: MemberRow[] = await this.dataSource.query(`${SELECT_MEMBER} FROM staff_user u WHERE u.id = $1`, [id]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  async departmentIdsOf(staffId: string): Promise<string[]> {
    const rows: { department_id: string }[] = await this.dataSource.query(
      `SELECT department_id FROM staff_department WHERE staff_id = $1`,
      [staffId],
    );
    return rows.map((r) => r.department_id);
  }

  async list(query: { page: number; pageSize: number; departmentId?: string | undefined; includeInactive: boolean }): Promise<Page<StaffMember>> {
    return queryPage(
      this.dataSource,
      `${SELECT_MEMBER}, count(*) OVER () AS total
         FROM staff_user u
        WHERE ($1::boolean OR u.active)
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM staff_department sd WHERE sd.staff_id = u.id AND sd.department_id = $2))
        ORDER BY u.active DESC, u.display_name, u.id`,
      [query.includeInactive, query.departmentId ?? null],
      query,
      toMember,
    );
  }

  async create(input: NewStaffUser): Promise<StaffUserRecord> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(StaffUserEntity);
      const row = await repo.save(
        repo.create({
          loginId: input.loginId,
          displayName: input.displayName,
          role: input.role,
          passwordHash: input.passwordHash,
          languages: input.languages ?? ['ja'],
          mustChangePassword: input.mustChangePassword ?? false,
          active: true,
        }),
      );
      if (input.departmentIds) await setDepartments(manager, row.id, input.departmentIds);
      return toRecord(row);
    });
  }

  async update(
    id: string,
    changes: { displayName?: string; role?: StaffRole; languages?: Language[]; active?: boolean; departmentIds?: string[] },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(StaffUserEntity);
      // Locked: two admins changing one member at once take turns, so replacing the departments of
      // one cannot collide with the other's (which answered 409 「this login id is taken」).
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return false;
      const { departmentIds, ...columns } = changes;
      await repo.save(repo.merge(row, columns));
      if (departmentIds) await setDepartments(manager, id, departmentIds);
      return true;
    });
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.repo.update({ id }, { passwordHash, mustChangePassword });
  }

  async count(): Promise<number> {
    return this.repo.count();
  }
}

async function setDepartments(manager: EntityManager, staffId: string, departmentIds: string[]): Promise<void> {
  await manager.query(`DELETE FROM staff_department WHERE staff_id = $1`, [staffId]);
  const unique = [...new Set(departmentIds)];
  if (unique.length > 0) {
    await manager.query(
      `INSERT INTO staff_department (staff_id, department_id) SELECT $1, unnest($2::uuid[])`,
      [staffId, unique],
    );
  }
}
