import { apiPath, type RouteKey } from '@madoguchi/contract/api-routes';
import { API_ROUTES } from '@madoguchi/contract/api-routes';

export interface RestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** Calls a route of the contract's table by key, as a given bearer (or nobody). */
export function restClient(baseUrl: string, token?: string) {
  const call = async <T = unknown>(
    key: RouteKey,
    options: { params?: Record<string, string>; query?: Record<string, string | number | boolean | undefined>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<RestResponse<T>> => {
    const spec = API_ROUTES[key];
    const url = new URL(apiPath(key, options.params), baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const response = await fetch(url, {
      method: spec.method.toUpperCase(),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    // Keep a BOM if there is one: CSV exports carry it on purpose.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (CSV, iCalendar)
    }
    return { status: response.status, body: body as T, headers: response.headers, text };
  };
  return { call };
}

export type RestClient = ReturnType<typeof restClient>;

/** Throws unless the status is as expected; returns the body. */
export function expectStatus<T>(response: RestResponse<T>, status: number): T {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  return response.body;
}
