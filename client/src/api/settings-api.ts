import type { BookingRulesInput, BookingRulesView } from '@contract/booking';
import type { KioskDisplaySettings } from '@contract/town-settings';
import type { RequestOptions } from './http-client';
import { callRoute } from './route-call';

export function getKioskDisplay(options: RequestOptions): Promise<KioskDisplaySettings> {
  return callRoute<KioskDisplaySettings>('getKioskDisplay', options);
}

export function updateKioskDisplay(body: KioskDisplaySettings, options: RequestOptions): Promise<KioskDisplaySettings> {
  return callRoute<KioskDisplaySettings>('updateKioskDisplay', { ...options, body });
}

export function getBookingRules(options: RequestOptions): Promise<BookingRulesView> {
  return callRoute<BookingRulesView>('getBookingRules', options);
}

export function updateBookingRules(body: BookingRulesInput, options: RequestOptions): Promise<BookingRulesView> {
  return callRoute<BookingRulesView>('updateBookingRules', { ...options, body });
}
