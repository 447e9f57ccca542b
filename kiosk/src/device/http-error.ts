/** A REST answer other than 2xx; status 0 means the request never got an answer. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;

  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }

  /** The server understood and said no: retrying the same request cannot help. */
  get isRejection(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new HttpError(0, 'network request failed', { cause: error });
  }
  if (!response.ok) throw new HttpError(response.status, `${path} answered ${response.status}`);
  return (await response.json()) as T;
}
