import type { Department, DepartmentInput, DepartmentUpdate } from '@madoguchi/contract/departments';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function listDepartments(options: RequestOptions): Promise<Department[]> {
  return callRoute('listDepartments', options);
}

export function createDepartment(body: DepartmentInput, options: RequestOptions): Promise<Department> {
  return callRoute('createDepartment', { ...options, body });
}

export function updateDepartment(id: string, body: DepartmentUpdate, options: RequestOptions): Promise<Department> {
  return callRoute('updateDepartment', { ...options, params: { id }, body });
}
