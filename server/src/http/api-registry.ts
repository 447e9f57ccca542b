import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { PrincipalResolver } from '../auth/principal-resolver';
import { ErrorCode } from '@madoguchi/contract/errors';
import { API_ROUTES, type RouteKey, type RouteSpec } from '@madoguchi/contract/api-routes';
import { API_KEY_PATTERN, type ApiScope } from '@madoguchi/contract/api-scopes';
import {
  API_SCHEMAS,
  IdParams,
  type FileDownload,
  type NoContent,
  type ParsedRouteBody,
  type ParsedRouteParams,
  type ParsedRouteQuery,
  type RouteResponse,
  type RouteSchemas,
} from '@madoguchi/contract/api-schemas';
import { AppError } from '../domain/app-error';
import { parseInput } from './validate';

/** Who is calling, after the token and the account behind it have been checked. */
export type CallerIdentity =
  | { kind: 'public' }
  | { kind: 'staff'; staffId: string; role: 'staff' | 'admin'; loginSessionId: string; mustChangePassword: boolean }
  | { kind: 'kiosk'; kioskId: string }
  /** The town's other system, through an API key: only integration routes its scopes name. */
  | { kind: 'apiKey'; apiKeyId: string; scopes: readonly ApiScope[] };

/** Checks API keys (read fresh on every call: a revoked key fails at once), limits and audits their calls. */
export interface ApiKeyGate {
  authenticate(key: string): Promise<{ apiKeyId: string; scopes: readonly ApiScope[] }>;
  /** Throws RATE_LIMITED once the key is over its requests per minute. */
  throttle(apiKeyId: string): Promise<void>;
  recordCall(call: { apiKeyId: string; route: RouteKey; status: number; targetId: string | undefined }): Promise<void>;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: CallerIdentity;
  req: Request;
  res: Response;
}

/** A download: the registry sends it with these headers instead of JSON. */
export class FileResponse {
  constructor(
    readonly contentType: string,
    readonly filename: string,
    readonly body: string | Buffer,
  ) {}
}

/** What a handler returns: the route's answer, a FileResponse for a download, nothing for 204. */
export type HandlerResult<K extends RouteKey> =
  RouteResponse<K> extends FileDownload ? FileResponse : RouteResponse<K> extends NoContent ? void : RouteResponse<K>;

export type RouteHandler<K extends RouteKey> = (
  ctx: RouteContext<ParsedRouteParams<K>, ParsedRouteQuery<K>, ParsedRouteBody<K>>,
) => Promise<HandlerResult<K>>;

type AnyRouteHandler = (ctx: RouteContext<unknown, unknown, unknown>) => Promise<unknown>;

/** All a login with a temporary password may do until it is replaced. */
const TEMPORARY_PASSWORD_ROUTES: ReadonlySet<RouteKey> = new Set<RouteKey>(['changePassword', 'logout']);

export { IdParams };

/**
 * Binds handlers to the routes of API_ROUTES. Access is checked here, before any handler
 * runs, from the one table in the contract; the request is parsed with the route's schemas
 * from API_SCHEMAS; every route must have a handler.
 */
export class ApiRegistry {
  private readonly handlers = new Map<RouteKey, AnyRouteHandler>();

  handle<K extends RouteKey>(key: K, handler: RouteHandler<K>): void {
    if (this.handlers.has(key)) throw new Error(`route ${key} registered twice`);
    this.handlers.set(key, handler as unknown as AnyRouteHandler);
  }

  /** `include`: the routes this node serves (a public-only node serves the booking page's); all by default. */
  router(resolver: PrincipalResolver, include: (key: RouteKey) => boolean = () => true, apiKeys?: ApiKeyGate): Router {
    const missing = (Object.keys(API_ROUTES) as RouteKey[]).filter((key) => !this.handlers.has(key));
    if (missing.length > 0) throw new Error(`routes without a handler: ${missing.join(', ')}`);
    const router = express.Router();
    for (const [key, handler] of this.handlers) {
      if (!include(key)) continue;
      const spec: RouteSpec = API_ROUTES[key];
      if (spec.access.includes('integration') !== (spec.scope !== undefined)) throw new Error(`route ${key}: an integration route names its scope, no other does`);
      const schemas: RouteSchemas = API_SCHEMAS[key];
      router[spec.method](spec.path, async (req: Request, res: Response) => {
        const caller = await identify(req, resolver, apiKeys);
        if (caller.kind === 'apiKey' && apiKeys) {
          // Every call made with a key is audited with the key and the route, refusals too.
          const targetId = typeof req.params['id'] === 'string' ? req.params['id'] : undefined;
          res.on('finish', () => void apiKeys.recordCall({ apiKeyId: caller.apiKeyId, route: key, status: res.statusCode, targetId }).catch(() => undefined));
          await apiKeys.throttle(caller.apiKeyId);
        }
        if (!mayCall(spec, caller)) {
          throw caller.kind === 'public' ? AppError.unauthenticated() : AppError.forbidden();
        }
        if (caller.kind === 'staff' && caller.mustChangePassword && !TEMPORARY_PASSWORD_ROUTES.has(key)) {
          throw new AppError(ErrorCode.PasswordChangeRequired, 'change your temporary password first');
        }
        const ctx: RouteContext<unknown, unknown, unknown> = {
          params: schemas.params ? parseInput(schemas.params, req.params) : {},
          query: schemas.query ? parseInput(schemas.query, req.query) : parseInput(z.object({}).strict(), req.query),
          body: schemas.body ? parseInput(schemas.body, req.body) : undefined,
          caller,
          req,
          res,
        };
        const result = await handler(ctx);
        if (result instanceof FileResponse) {
          res.setHeader('Content-Type', result.contentType);
          res.setHeader('Content-Disposition', `attachment; filename="${result.filename}"`);
          res.setHeader('Cache-Control', 'no-store');
          res.status(200).send(result.body);
          return;
        }
        if (result === undefined) {
          res.status(204).end();
          return;
        }
        res.status(schemas.status ?? 200).json(result);
      });
    }
    return router;
  }
}

export function mayCall(spec: Pick<RouteSpec, 'access' | 'scope'>, caller: CallerIdentity): boolean {
  const { access } = spec;
  if (access.includes('public')) return true;
  if (caller.kind === 'staff') return access.includes(caller.role);
  if (caller.kind === 'kiosk') return access.includes('kiosk');
  if (caller.kind === 'apiKey') return access.includes('integration') && spec.scope !== undefined && caller.scopes.includes(spec.scope);
  return false;
}

async function identify(req: Request, resolver: PrincipalResolver, apiKeys: ApiKeyGate | undefined): Promise<CallerIdentity> {
  const header = req.headers.authorization;
  if (header === undefined) return { kind: 'public' };
  const match = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(header);
  if (!match?.[1]) throw AppError.unauthenticated('malformed Authorization header');
  if (match[1].startsWith('mdk_')) {
    if (!apiKeys || !API_KEY_PATTERN.test(match[1])) throw AppError.unauthenticated('this API key is not valid');
    const key = await apiKeys.authenticate(match[1]);
    return { kind: 'apiKey', apiKeyId: key.apiKeyId, scopes: key.scopes };
  }
  const { principal } = await resolver.resolve(match[1]);
  if (principal.kind === 'kiosk') return { kind: 'kiosk', kioskId: principal.kioskId };
  // A guest link opens one call, nothing else: no route takes it.
  if (principal.kind === 'guest') throw AppError.forbidden('a guest link gives no access to the API');
  return {
    kind: 'staff',
    staffId: principal.staffId,
    role: principal.role,
    loginSessionId: principal.loginSessionId,
    mustChangePassword: principal.mustChangePassword,
  };
}

/** Narrows a caller inside a handler whose route allows only staff or admins. */
export function staffOf(caller: CallerIdentity): { staffId: string; role: 'staff' | 'admin'; loginSessionId: string } {
  if (caller.kind !== 'staff') throw AppError.forbidden('a staff login is required');
  return caller;
}

/** Narrows a caller inside a handler whose route takes only API keys. */
export function apiKeyOf(caller: CallerIdentity): { apiKeyId: string } {
  if (caller.kind !== 'apiKey') throw AppError.forbidden('an API key is required');
  return caller;
}

export function kioskOf(caller: CallerIdentity): { kioskId: string } {
  if (caller.kind !== 'kiosk') throw AppError.forbidden('a kiosk token is required');
  return caller;
}
