import { DISPLAY_TIME_ZONE } from '@madoguchi/contract/languages';
import { localeTag } from '../i18n/language';

/** Display formatting; every instant is shown in Japan time whatever the PC's zone. */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(localeTag(), { timeZone: DISPLAY_TIME_ZONE, ...options });
    cache.set(key, found);
  }
  return found;
}

/** 2026/11/24(火) 10:00 */
export function formatDateTime(instant: string): string {
  return formatter('dt', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** 2026/11/24 10:00:05 */
export function formatTimestamp(instant: string): string {
  return formatter('ts', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** 10:00 */
export function formatTime(instant: string): string {
  return formatter('t', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** 2026年11月24日(火) for a Japan calendar day `YYYY-MM-DD`. */
export function formatLocalDate(date: string, style: 'long' | 'short' = 'long'): string {
  // Noon Japan time is the same calendar day in every zone the formatter could use.
  const noon = new Date(`${date}T12:00:00+09:00`);
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }
      : { month: 'numeric', day: 'numeric', weekday: 'short' };
  return formatter(`d-${style}`, options).format(noon);
}
