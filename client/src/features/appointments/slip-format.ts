import { DISPLAY_TIME_ZONE } from '@madoguchi/contract/languages';

// The slip is for the resident: always Japanese formatting, whatever the admin's UI language.
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const time = new Intl.DateTimeFormat('ja-JP', { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 2026年11月24日(火) 10:00〜10:30 */
export function slipWhen(startsAt: string, endsAt: string): string {
  return `${dateTime.format(new Date(startsAt))}〜${time.format(new Date(endsAt))}`;
}

/** 123456 → 123 456, easier to read aloud and to type. */
export function groupedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}
