import { API_ROUTES, apiPath } from '@madoguchi/contract/api-routes';
import type { RouteKey } from '@madoguchi/contract/api-routes';
import type { FileRouteKey, JsonRouteKey, RouteBody, RouteParams, RouteResponse } from '@madoguchi/contract/api-schemas';
import { requestJson, send } from './http-client';
import type { RequestOptions } from './http-client';
import { queryString } from './query-string';
import type { QueryValue } from './query-string';

/** A route's options typed from the contract: its path parameters and its body. */
export interface RouteCallOptions<K extends RouteKey> extends RequestOptions {
  /** `:id` style path parameters. */
  params?: RouteParams<K>;
  query?: Readonly<Record<string, QueryValue>>;
  /** Routes without a body accept an empty object, which the server ignores. */
  body?: RouteBody<K> extends undefined ? Record<string, never> : RouteBody<K>;
}

function urlFor(key: RouteKey, params: Record<string, string> = {}, query: Readonly<Record<string, QueryValue>> = {}): string {
  return apiPath(key, params) + queryString(query);
}

/**
 * Calls one route of the contract's table with its own method and path, and parses the JSON
 * answer, typed by the route's response in the contract.
 */
export function callRoute<K extends JsonRouteKey>(key: K, { params, query, ...options }: RouteCallOptions<K> = {}): Promise<RouteResponse<K>> {
  return requestJson<RouteResponse<K>>(API_ROUTES[key].method, urlFor(key, params as Record<string, string> | undefined, query), options);
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

/** Calls a route that answers with a file (ICS, CSV) using the bearer token, and returns its bytes. */
export async function downloadRoute<K extends FileRouteKey>(key: K, accept: string, { params, query, ...options }: RouteCallOptions<K> = {}): Promise<DownloadedFile> {
  const response = await send(API_ROUTES[key].method, urlFor(key, params as Record<string, string> | undefined, query), { ...options, accept });
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('Content-Disposition')) };
}

/** `attachment; filename="a.csv"; filename*=UTF-8''%E2%80%A6` → the best name offered. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed escape: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}
