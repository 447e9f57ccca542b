import { ErrorCode } from '@madoguchi/contract/errors';

/** A failed REST call: the HTTP status plus the contract's error code when the body had one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  /** The body's `error.details`, e.g. AppointmentConflictDetails on a 409. */
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options);
    this.status = status;
    this.code = code;
    this.details = options?.details;
  }

  /** No HTTP answer at all: offline, DNS, server down. */
  static network(cause: unknown): ApiError {
    return new ApiError(0, ErrorCode.Unavailable, 'network request failed', { cause });
  }
}
