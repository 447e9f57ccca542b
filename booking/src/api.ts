import type { BookingChallenge, FreeTimes, PublicBooking, PublicBookingCreated, PublicBookingOptions, PublicBookingRequest } from '@madoguchi/contract/booking';
import type { ErrorBody } from '@madoguchi/contract/errors';
import { RELEASE_HEADER } from '@madoguchi/contract/release';
import { releaseWatch } from './release-watch';

/** A refusal from the server, with its stable code and details (e.g. the next free times). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    // The private link never leaves as a referrer.
    referrerPolicy: 'no-referrer',
  });
  releaseWatch.note(response.headers.get(RELEASE_HEADER));
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as { error?: ErrorBody } | null)?.error ?? null);
  return parsed as T;
}

const link = (token: string, tail = ''): string => `/api/public/bookings/${encodeURIComponent(token)}${tail}`;

export const api = {
  options: () => call<PublicBookingOptions>('GET', '/api/public/booking/options'),
  freeTimes: (query: { departmentId: string; topicId: string; kioskId: string; from: string | undefined; days: number }) => {
    const { from, days, ...rest } = query;
    const search = new URLSearchParams({ ...rest, days: String(days), ...(from ? { from } : {}) });
    return call<FreeTimes>('GET', `/api/public/booking/free-times?${search.toString()}`);
  },
  challenge: () => call<BookingChallenge>('GET', '/api/public/booking/challenge'),
  create: (body: PublicBookingRequest) => call<PublicBookingCreated>('POST', '/api/public/bookings', body),
  view: (token: string) => call<PublicBooking>('GET', link(token)),
  move: (token: string, startsAt: string) => call<PublicBooking>('POST', link(token, '/move'), { startsAt }),
  cancel: (token: string) => call<PublicBooking>('POST', link(token, '/cancel')),
  icsUrl: (token: string) => link(token, '/ics'),
};
