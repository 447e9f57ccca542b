import { ErrorCode } from '@madoguchi/contract/errors';
import type { HttpMethod } from '@madoguchi/contract/api-routes';
import { ApiError } from './api-error';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return ErrorCode.BadRequest;
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 429) return ErrorCode.RateLimited;
  if (status >= 500) return ErrorCode.Unavailable;
  return ErrorCode.Internal;
}

// Accepts both `{ error: { code, message, details } }` and a bare `{ code, message }`.
async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const envelope = (body as { error?: unknown } | null)?.error ?? body;
  const { code, message, details } = (envelope ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const known = typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : codeForStatus(response.status);
  return new ApiError(response.status, known, typeof message === 'string' ? message : response.statusText, { details });
}

export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

export interface SendOptions extends RequestOptions {
  body?: unknown;
  accept?: string;
}

/** Sends one same-origin request and returns the raw response, or throws ApiError. */
export async function send(method: HttpMethod, path: string, options: SendOptions = {}): Promise<Response> {
  const { token, signal, body, accept = 'application/json' } = options;
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: method.toUpperCase(),
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw await readError(response);
  return response;
}

/** Sends JSON (or nothing) and returns the parsed answer; an empty 204 answer is `undefined`. */
export async function requestJson<T>(method: HttpMethod, path: string, options: SendOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** POSTs JSON to the same-origin API and returns the parsed answer, or throws ApiError. */
export function postJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return requestJson<T>('post', path, { ...options, body });
}
