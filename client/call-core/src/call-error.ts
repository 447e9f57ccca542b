import { ErrorCode } from '@madoguchi/contract/errors';
import type { ErrorBody } from '@madoguchi/contract/errors';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Every failure the call core reports carries one of the contract's stable codes. */
export class CallError extends Error {
  override readonly name = 'CallError';
  readonly code: ErrorCode;
  /** The ack's `details`, e.g. `{ reason: 'too_early' }` on a check-in refused for its time. */
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: unknown }) {
    super(message, options);
    this.code = code;
    this.details = options?.details;
  }

  static fromAck(body: ErrorBody): CallError {
    const code = KNOWN_CODES.has(body.code) ? body.code : ErrorCode.Internal;
    return new CallError(code, body.message, { details: body.details });
  }

  static timeout(what: string, cause?: unknown): CallError {
    return new CallError(ErrorCode.Timeout, `no answer to ${what} in time`, { cause });
  }

  static invalidState(message: string): CallError {
    return new CallError(ErrorCode.InvalidState, message);
  }

  static unavailable(message: string): CallError {
    return new CallError(ErrorCode.Unavailable, message);
  }

  static media(message: string, cause?: unknown): CallError {
    return new CallError(ErrorCode.MediaError, message, { cause });
  }
}

/** Turns anything thrown into a CallError once, keeping the original as `cause`. */
export function toCallError(error: unknown, fallback: ErrorCode = ErrorCode.Internal): CallError {
  if (error instanceof CallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CallError(fallback, message, { cause: error });
}
