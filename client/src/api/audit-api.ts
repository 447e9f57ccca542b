import type { AuditAction, AuditEntry } from '@madoguchi/contract/audit';
import type { Page } from '@madoguchi/contract/pagination';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export interface AuditFilter {
  page?: number;
  pageSize?: number;
  action?: AuditAction;
  actorId?: string;
}

export function listAudit(filter: AuditFilter, options: RequestOptions): Promise<Page<AuditEntry>> {
  return callRoute('listAudit', { ...options, query: { ...filter } });
}
