import { ErrorCode } from '@madoguchi/contract/errors';
import { CallError } from '@madoguchi/call-core/call-error';
import { ApiError } from '../api/api-error';
import { common } from './common-messages';

/** One sentence saying what went wrong and what to do next. */
export function describeError(error: unknown): string {
  // REST errors and socket request errors carry the same codes.
  if (!(error instanceof ApiError) && !(error instanceof CallError)) return common.errors.unexpected;
  switch (error.code) {
    case ErrorCode.Unauthenticated:
      return common.errors.unauthenticated;
    case ErrorCode.Forbidden:
      return common.errors.forbidden;
    case ErrorCode.NotFound:
      return common.errors.notFound;
    case ErrorCode.BadRequest:
      return common.errors.badRequest(error.message);
    case ErrorCode.Conflict:
    case ErrorCode.AlreadyTaken:
      return common.errors.conflict;
    case ErrorCode.InvalidState:
      return common.errors.invalidState;
    case ErrorCode.RateLimited: {
      // The login lockout says how long to wait; the page tells the member exactly that.
      const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      return typeof wait === 'number' ? common.errors.rateLimitedFor(wait) : common.errors.rateLimited;
    }
    case ErrorCode.PasswordChangeRequired:
      return common.errors.passwordChangeRequired;
    case ErrorCode.Unavailable:
    case ErrorCode.Timeout:
      return common.errors.unavailable;
    default:
      return common.errors.unexpected;
  }
}
