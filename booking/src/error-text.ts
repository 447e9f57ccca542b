import { ApiError } from './api';
import type { BookingMessages } from './messages';

/** A refusal in the resident's words: the codes the booking routes answer with. */
export function errorText(error: unknown, t: BookingMessages): string {
  if (!(error instanceof ApiError)) return t.errors.network;
  if (error.body?.code === 'INVALID_STATE') return t.cannotChange;
  if (error.status === 409) return t.errors.slotTaken;
  if (error.status === 429) return t.errors.rateLimited;
  if (error.status === 404) return t.errors.notFound;
  return t.errors.invalid;
}
