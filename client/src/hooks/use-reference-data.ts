import type { Department } from '@madoguchi/contract/departments';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import type { StaffMember } from '@madoguchi/contract/staff';
import { listDepartments } from '../api/departments-api';
import { listKiosks } from '../api/kiosks-api';
import { listStaff } from '../api/staff-api';
import type { ApiData } from './use-api-data';
import { useApiData } from './use-api-data';

export function useDepartments(): ApiData<Department[]> {
  return useApiData(listDepartments, 'departments');
}

export function useKiosks(): ApiData<KioskSummary[]> {
  return useApiData(listKiosks, 'kiosks');
}

/** Every active member (one page of the largest size the API allows); admins only. */
export function useAllStaff(enabled = true): ApiData<StaffMember[]> {
  return useApiData(async (options) => (await listStaff({ pageSize: 200 }, options)).items, 'staff', enabled);
}
