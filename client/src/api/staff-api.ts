import type { Page } from '@madoguchi/contract/pagination';
import type { CreateStaffRequest, StaffCredentialsIssued, StaffMember, UpdateStaffRequest } from '@madoguchi/contract/staff';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export interface StaffListFilter {
  page?: number;
  pageSize?: number;
  departmentId?: string;
  includeInactive?: boolean;
}

export function listStaff(filter: StaffListFilter, options: RequestOptions): Promise<Page<StaffMember>> {
  return callRoute('listStaff', { ...options, query: { ...filter } });
}

export function createStaff(body: CreateStaffRequest, options: RequestOptions): Promise<StaffCredentialsIssued> {
  return callRoute('createStaff', { ...options, body });
}

export function updateStaff(id: string, body: UpdateStaffRequest, options: RequestOptions): Promise<StaffMember> {
  return callRoute('updateStaff', { ...options, params: { id }, body });
}

export function resetStaffPassword(id: string, options: RequestOptions): Promise<StaffCredentialsIssued> {
  return callRoute('resetStaffPassword', { ...options, params: { id }, body: {} });
}
