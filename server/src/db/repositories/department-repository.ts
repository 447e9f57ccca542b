import type { DataSource, Repository } from 'typeorm';
import type { Department, DepartmentUpdate } from '@madoguchi/contract/departments';
import { DepartmentEntity, type DepartmentRow } from '../entities/department-entity';

function toDepartment(row: DepartmentRow): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameTranslations: row.nameTranslations,
    icon: row.icon,
    active: row.active,
  };
}

export class DepartmentRepository {
  private readonly repo: Repository<DepartmentRow>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(DepartmentEntity);
  }

  async list(options: { includeInactive: boolean }): Promise<Department[]> {
    const rows = await this.repo.find({
      where: options.includeInactive ? {} : { active: true },
      order: { name: 'ASC' },
    });
    return rows.map(toDepartment);
  }

  async findById(id: string): Promise<Department | null> {
    const row = await this.repo.findOneBy({ id });
    return row ? toDepartment(row) : null;
  }

  async findByCode(code: string): Promise<Department | null> {
    const row = await this.repo.findOneBy({ code });
    return row ? toDepartment(row) : null;
  }

  async create(input: Omit<Department, 'id' | 'active'>): Promise<Department> {
    return toDepartment(await this.repo.save(this.repo.create({ ...input, active: true })));
  }

  async update(id: string, changes: Omit<DepartmentUpdate, 'nameTranslations'> & { nameTranslations?: Department['nameTranslations'] }): Promise<Department | null> {
    const row = await this.repo.findOneBy({ id });
    if (!row) return null;
    return toDepartment(await this.repo.save(this.repo.merge(row, changes)));
  }
}
