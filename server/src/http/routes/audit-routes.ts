import { buildOpenApiDocument } from '../openapi-document';
import type { ApiRegistry } from '../api-registry';
import type { RouteDeps } from './route-deps';

export function registerAuditRoutes(api: ApiRegistry, deps: RouteDeps): void {
  api.handle('listAudit', async ({ query }) => deps.audit.list(query));
}

export function registerOpenApiRoute(api: ApiRegistry): void {
  let document: Record<string, unknown> | undefined;
  api.handle('openapi', async () => {
    document ??= buildOpenApiDocument();
    return document;
  });
}
