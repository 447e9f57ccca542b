/**
 * Japan calendar arithmetic for the server and both web apps (the one set: the server's own
 * copy is gone), never looking at the machine's or the browser's own zone. Japan has had no
 * daylight saving since 1951, so a Japan wall-clock time is always UTC+9: shifting an
 * instant by nine hours and reading its UTC fields gives the Japan date and time.
 */
export const JST_OFFSET = '+09:00';
const OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function toMs(instant: string | number | Date): number {
  if (typeof instant === 'number') return instant;
  if (instant instanceof Date) return instant.getTime();
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new TypeError(`not an instant: ${instant}`);
  return ms;
}

/** `YYYY-MM-DD` is a real calendar day. */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `HH:MM`, 00:00 to 23:59. */
export function isLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** The Japan calendar day an instant falls on, `YYYY-MM-DD`. */
export function jstDateOf(instant: string | number | Date): string {
  return new Date(toMs(instant) + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Japan wall-clock time of an instant, `HH:MM`. */
export function jstTimeOf(instant: string | number | Date): string {
  return new Date(toMs(instant) + OFFSET_MS).toISOString().slice(11, 16);
}

/** Minutes since Japan midnight. */
export function jstMinutesOf(instant: string | number | Date): number {
  const shifted = new Date(toMs(instant) + OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** Today in Japan. */
export function jstToday(now: number = Date.now()): string {
  return jstDateOf(now);
}

/**
 * The instant for a Japan date and wall-clock time, as ISO 8601 with an explicit +09:00
 * offset (what the contract's `Instant` expects), e.g. 2026-11-24T10:00:00+09:00.
 */
export function jstInstant(date: string, time: string): string {
  if (!isLocalDate(date)) throw new TypeError(`not a date: ${date}`);
  if (!isLocalTime(time)) throw new TypeError(`not a time: ${time}`);
  return `${date}T${time}:00${JST_OFFSET}`;
}

/** A Japan date plus minutes since its midnight (may run past 24:00 into the next day). */
export function jstInstantAt(date: string, minutes: number): string {
  const dayOffset = Math.floor(minutes / (24 * 60));
  const rest = minutes - dayOffset * 24 * 60;
  return jstInstant(addDays(date, dayOffset), minutesToTime(rest));
}

/** Calendar arithmetic on `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  if (!isLocalDate(date)) throw new TypeError(`not a date: ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday here, as in the reports). */
export function weekdayIndex(date: string): number {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (sundayFirst + 6) % 7;
}

/** The Monday of the week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function minutesToTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function timeToMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new TypeError(`not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Half-open range [from, to) covering whole Japan days, as offset instants for list queries. */
export function jstDayRange(firstDay: string, dayCount = 1): { from: string; to: string } {
  return { from: jstInstant(firstDay, '00:00'), to: jstInstant(addDays(firstDay, dayCount), '00:00') };
}

/** The first instant of a Japan calendar day (YYYY-MM-DD). */
export function startOfJapanDay(day: string): Date {
  return new Date(`${day}T00:00:00${JST_OFFSET}`);
}

/** The first instant after a Japan calendar day: the end of an inclusive range of days. */
export function endOfJapanDay(day: string): Date {
  return new Date(startOfJapanDay(day).getTime() + DAY_MS);
}

/** The Japan calendar day an instant falls on (the server's name for jstDateOf). */
export const japanDayOf = (instant: Date): string => jstDateOf(instant);

/** 0 = Sunday … 6 = Saturday of the Japan day an instant falls on. */
export function japanWeekdayOf(instant: Date): number {
  return new Date(instant.getTime() + OFFSET_MS).getUTCDay();
}
