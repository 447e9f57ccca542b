import type { OperationsOverview } from '@madoguchi/contract/operations';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function fetchOperationsOverview(options: RequestOptions): Promise<OperationsOverview> {
  return callRoute('operationsOverview', options);
}
