import type { HttpMethod } from '@madoguchi/contract/api-routes';
import { ApiError } from './api-error';

// Accepts both `{ error: { code, message, details } }` and a bare `{ code, message }`.
async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): ApiError says so from the status.
  }
  return ApiError.fromResponse(response.status, response.statusText, body);
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
