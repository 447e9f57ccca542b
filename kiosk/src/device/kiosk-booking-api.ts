import { apiPath } from '@madoguchi/contract/api-routes';
import type { FreeTimes } from '@madoguchi/contract/booking';
import type { KioskBookingCreated, KioskBookingRequest } from '@madoguchi/contract/kiosk-booking';
import { getJson, sendJson } from './http-error';

/** 「この窓口で予約する」: free times of a topic at this kiosk, `days` Japan days from `from`. */
export function fetchKioskFreeTimes(token: string, kioskId: string, query: { departmentId: string; topicId: string; from?: string; days: number }): Promise<FreeTimes> {
  const search = new URLSearchParams({ departmentId: query.departmentId, topicId: query.topicId, days: String(query.days) });
  if (query.from) search.set('from', query.from);
  return getJson<FreeTimes>(`${apiPath('kioskFreeTimes', { id: kioskId })}?${search.toString()}`, token);
}

/** Books the chosen time at this kiosk; a 409 means it was taken meanwhile. */
export function createKioskBooking(token: string, kioskId: string, body: KioskBookingRequest): Promise<KioskBookingCreated> {
  return sendJson<KioskBookingCreated>('POST', apiPath('createKioskBooking', { id: kioskId }), body, token);
}
