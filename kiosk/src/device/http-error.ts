import type { ErrorCode } from '@madoguchi/contract/errors';

/** A REST answer other than 2xx; status 0 means the request never got an answer. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  /** The contract's code from the error body (`{ error: { code } }`), when there was one. */
  readonly code: ErrorCode | null;
  /** The error body's `details` (e.g. the next free times when a booked time was taken), unchecked. */
  readonly details: unknown;

  constructor(status: number, message: string, options?: { cause?: unknown; code?: ErrorCode | null; details?: unknown }) {
    super(message, options);
    this.status = status;
    this.code = options?.code ?? null;
    this.details = options?.details ?? null;
  }

  /** The server understood and said no: retrying the same request cannot help. */
  get isRejection(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }

  get isRateLimited(): boolean {
    return this.status === 429 || this.code === 'RATE_LIMITED';
  }
}

async function errorOf(response: Response): Promise<{ code: ErrorCode | null; details: unknown }> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; details?: unknown } };
    return { code: typeof body.error?.code === 'string' ? (body.error.code as ErrorCode) : null, details: body.error?.details ?? null };
  } catch {
    return { code: null, details: null };
  }
}

/**
 * No kiosk request waits forever (a snapshot upload on a dying network would leave 「撮影しています…」
 * up for good): after this long it fails like a network error, and the screen says so.
 */
const REQUEST_TIMEOUT_MS = 30_000;

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new HttpError(0, 'network request failed', { cause: error });
  }
  if (!response.ok) {
    const { code, details } = await errorOf(response);
    throw new HttpError(response.status, `${path} answered ${response.status}`, { code, details });
  }
  return (await response.json()) as T;
}

export function postJson<T>(path: string, body: unknown): Promise<T> {
  return send<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A JSON body with the kiosk's token (PUT, POST). */
export function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown, bearerToken: string): Promise<T> {
  return send<T>(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${bearerToken}` },
    body: JSON.stringify(body),
  });
}

export function getJson<T>(path: string, bearerToken: string): Promise<T> {
  return send<T>(path, { headers: { Accept: 'application/json', Authorization: `Bearer ${bearerToken}` } });
}

/** Raw bytes (an image) with the caller's headers; the answer is read as JSON. */
export function postBytes<T>(path: string, options: { body: Blob; bearerToken: string; headers: Record<string, string> }): Promise<T> {
  return send<T>(path, {
    method: 'POST',
    headers: { Accept: 'application/json', Authorization: `Bearer ${options.bearerToken}`, ...options.headers },
    body: options.body,
  });
}
