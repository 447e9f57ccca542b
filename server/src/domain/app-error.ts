import { ErrorCode, type ErrorBody } from '@madoguchi/contract/errors';

/** A domain error with a stable code; the HTTP and socket edges translate it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  static badRequest(message: string, details?: unknown): AppError {
    return new AppError(ErrorCode.BadRequest, message, details);
  }
  static unauthenticated(message = 'login required', cause?: unknown): AppError {
    return new AppError(ErrorCode.Unauthenticated, message, undefined, { cause });
  }
  static forbidden(message = 'not allowed for this role'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }
  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, `${what} not found`);
  }
  static invalidState(message: string): AppError {
    return new AppError(ErrorCode.InvalidState, message);
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns anything thrown into an AppError once, keeping the original as the cause. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isSfuError(error)) {
    const code = error.code === 'MEDIA_ERROR' ? ErrorCode.MediaError : error.code === 'NOT_FOUND' ? ErrorCode.NotFound
      : error.code === 'BAD_REQUEST' ? ErrorCode.BadRequest : ErrorCode.InvalidState;
    return new AppError(code, error.message, undefined, { cause: error });
  }
  return new AppError(ErrorCode.Internal, 'internal error', undefined, { cause: error });
}

function isSfuError(error: unknown): error is { code: string; message: string } {
  return error instanceof Error && error.name === 'SfuError' && typeof (error as { code?: unknown }).code === 'string';
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  ALREADY_TAKEN: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PASSWORD_CHANGE_REQUIRED: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  MEDIA_ERROR: 502,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
  INTERNAL: 500,
  CLIENT_OUTDATED: 400,
};
