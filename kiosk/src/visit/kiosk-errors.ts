import { ErrorCode } from '@madoguchi/contract/errors';
import type { CheckInError, PairingError } from './kiosk-state';

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function reasonOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const { details } = error as { details?: unknown };
  return typeof details === 'object' && details !== null ? (details as { reason?: unknown }).reason : undefined;
}

/**
 * What to tell a resident whose check-in was refused. A booking outside its check-in
 * window says so (the ack's `details.reason`); every other refusal of the code (unknown,
 * already used, for another kiosk) means "check the number". Throttling and a lost
 * connection say something else.
 */
export function checkInErrorOf(error: unknown): CheckInError {
  const code = codeOf(error);
  const reason = reasonOf(error);
  if (reason === 'too_early') return 'tooEarly';
  if (reason === 'too_late') return 'tooLate';
  if (code === ErrorCode.RateLimited) return 'rateLimited';
  if (code === ErrorCode.Timeout || code === ErrorCode.Unavailable || code === ErrorCode.Internal) return 'offline';
  return 'notFound';
}

/** The same for a pairing attempt, from the HTTP status of the refusal (0: no answer at all). */
export function pairingErrorOf(error: unknown): PairingError {
  const { status } = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown };
  if (status === 429 || codeOf(error) === ErrorCode.RateLimited) return 'rateLimited';
  if (typeof status !== 'number' || status === 0 || status === 408 || status >= 500) return 'offline';
  return 'wrongCode';
}
