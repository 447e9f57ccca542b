import type { Department } from '@madoguchi/contract/departments';
import { ErrorCode } from '@madoguchi/contract/errors';
import type { AuditLogRepository } from '../db/repositories/audit-log-repository';
import type { DepartmentRepository } from '../db/repositories/department-repository';
import { AppError } from './app-error';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from './pg-errors';

const duplicateCode = (error: unknown): unknown =>
  pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION ? new AppError(ErrorCode.Conflict, 'a department with this code exists') : error;

/** Departments: a code is unique (a clash is a 409, not a database error), and every change is audited. */
export class DepartmentService {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  list(includeInactive: boolean): Promise<Department[]> {
    return this.departments.list({ includeInactive });
  }

  async create(actorId: string, input: Parameters<DepartmentRepository['create']>[0]): Promise<Department> {
    const department = await this.departments.create(input).catch((error: unknown) => {
      throw duplicateCode(error);
    });
    await this.audit.record({ actorKind: 'staff', actorId, action: 'department_created', targetType: 'department', targetId: department.id });
    return department;
  }

  async update(actorId: string, id: string, changes: Parameters<DepartmentRepository['update']>[1]): Promise<Department> {
    const department = await this.departments.update(id, changes).catch((error: unknown) => {
      throw duplicateCode(error);
    });
    if (!department) throw AppError.notFound('department');
    await this.audit.record({ actorKind: 'staff', actorId, action: 'department_updated', targetType: 'department', targetId: id, details: { fields: Object.keys(changes) } });
    return department;
  }
}
