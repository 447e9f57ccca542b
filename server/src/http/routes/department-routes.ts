import { AppError } from '../../domain/app-error';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '../../domain/pg-errors';
import { ErrorCode } from '@madoguchi/contract/errors';
import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

const duplicateCode = (error: unknown): unknown =>
  pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION ? new AppError(ErrorCode.Conflict, 'a department with this code exists') : error;

export function registerDepartmentRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listDepartments', async ({ query }) =>
    deps.departments.list({ includeInactive: query.includeInactive }),
  );

  api.handle('createDepartment', async ({ body, caller }) => {
    const department = await deps.departments.create(body).catch((error: unknown) => {
      throw duplicateCode(error);
    });
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'department_created', targetType: 'department', targetId: department.id });
    return department;
  });

  api.handle('updateDepartment', async ({ params, body, caller }) => {
    const department = await deps.departments.update(params.id, body).catch((error: unknown) => {
      throw duplicateCode(error);
    });
    if (!department) throw AppError.notFound('department');
    await deps.audit.record({ actorKind: 'staff', actorId: staffOf(caller).staffId, action: 'department_updated', targetType: 'department', targetId: params.id, details: { fields: Object.keys(body) } });
    return department;
  });
}
