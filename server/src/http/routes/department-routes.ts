import { staffOf, type ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

/** Departments; the unique-code rule and the audit are DepartmentService's. */
export function registerDepartmentRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listDepartments', async ({ query }) => deps.departmentAdmin.list(query.includeInactive));
  api.handle('createDepartment', async ({ body, caller }) => deps.departmentAdmin.create(staffOf(caller).staffId, body));
  api.handle('updateDepartment', async ({ params, body, caller }) => deps.departmentAdmin.update(staffOf(caller).staffId, params.id, body));
}
