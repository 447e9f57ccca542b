/** Stable error codes shared by REST responses and socket acks. */
export const ErrorCode = {
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  InvalidState: 'INVALID_STATE',
  AlreadyTaken: 'ALREADY_TAKEN',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  /** A temporary password must be replaced before anything else. */
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  /** An Idempotency-Key used before with a different request body. */
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still being processed: retry shortly. */
  IdempotencyInProgress: 'IDEMPOTENCY_IN_PROGRESS',
  MediaError: 'MEDIA_ERROR',
  Unavailable: 'UNAVAILABLE',
  Timeout: 'TIMEOUT',
  Internal: 'INTERNAL',
  /**
   * The page speaks a protocol older than the server's release (e.g. `sessionId` where (rename:keep)
   * `consultationId` is expected): it must be reloaded. Pages that predate this code show it
   * as their generic error.
   */
  ClientOutdated: 'CLIENT_OUTDATED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
