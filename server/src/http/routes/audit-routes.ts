import { AuditListQuery } from '@madoguchi/contract/audit';
import { buildOpenApiDocument } from '../openapi-document';
import type { ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

export function registerAuditRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listAudit', { query: AuditListQuery, returns: 'Page<AuditEntry>' }, async ({ query }) => deps.audit.list(query));
}

export function registerOpenApiRoute(api: ApiRegistry): void {
  let document: Record<string, unknown> | undefined;
  api.handle('openapi', { returns: 'OpenAPI 3.1 document' }, async () => {
    document ??= buildOpenApiDocument(api);
    return document;
  });
}
