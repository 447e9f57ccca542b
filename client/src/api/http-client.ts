import { ErrorCode } from '@contract/errors';
import { ApiError } from './api-error';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return ErrorCode.BadRequest;
  if (status === 401) return ErrorCode.Unauthenticated;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 429) return ErrorCode.RateLimited;
  if (status >= 500) return ErrorCode.Unavailable;
  return ErrorCode.Internal;
}

// Accepts both `{ error: { code, message } }` and a bare `{ code, message }`.
async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const envelope = (body as { error?: unknown } | null)?.error ?? body;
  const { code, message } = (envelope ?? {}) as { code?: unknown; message?: unknown };
  const known = typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : codeForStatus(response.status);
  return new ApiError(response.status, known, typeof message === 'string' ? message : response.statusText);
}

export interface RequestOptions {
  token?: string;
  signal?: AbortSignal;
}

/** POSTs JSON to the same-origin API and returns the parsed answer, or throws ApiError. */
export async function postJson<T>(path: string, body: unknown, { token, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), signal: signal ?? null });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}
