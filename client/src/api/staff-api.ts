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
  return callRoute<Page<StaffMember>>('listStaff', { ...options, query: { ...filter } });
}

export function createStaff(body: CreateStaffRequest, options: RequestOptions): Promise<StaffCredentialsIssued> {
  return callRoute<StaffCredentialsIssued>('createStaff', { ...options, body });
}

export function updateStaff(id: string, body: UpdateStaffRequest, options: RequestOptions): Promise<StaffMember> {
  return callRoute<StaffMember>('updateStaff', { ...options, params: { id }, body });
}

export function resetStaffPassword(id: string, options: RequestOptions): Promise<StaffCredentialsIssued> {
  return callRoute<StaffCredentialsIssued>('resetStaffPassword', { ...options, params: { id }, body: {} });
}
