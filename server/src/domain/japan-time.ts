/** Japan has had no daylight saving since 1951: a fixed +09:00 is exact. */
export const JST_OFFSET = '+09:00';

/** The first instant of a Japan calendar day (YYYY-MM-DD). */
export function startOfJapanDay(day: string): Date {
  return new Date(`${day}T00:00:00${JST_OFFSET}`);
}

/** The first instant after a Japan calendar day: the end of an inclusive range. */
export function endOfJapanDay(day: string): Date {
  return new Date(startOfJapanDay(day).getTime() + 86_400_000);
}

/** The Japan calendar day an instant falls on. */
export function japanDayOf(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
