import type { FreeTime, FreeTimeDay, OpeningInterval } from '@madoguchi/contract/booking';
import { startOfJapanDay } from '@madoguchi/contract/japan-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A booked span the search must respect (epoch ms). */
export interface LiveSpan {
  kioskId: string;
  departmentId: string;
  startsAt: number;
  endsAt: number;
}

export interface FreeTimeInput {
  /** Japan calendar days to search, in order. */
  days: string[];
  departmentId: string;
  kioskId: string;
  departmentHours: OpeningInterval[];
  kioskHours: OpeningInterval[];
  capacity: number;
  slotMinutes: number;
  blockedDays: ReadonlySet<string>;
  /** No start before this (now + lead time). */
  earliest: number;
  /** No start at or after this (the end of the horizon). */
  latest: number;
  spans: LiveSpan[];
}

/** ISO weekday (Monday 1 … Sunday 7) of a Japan calendar day. */
export function isoWeekdayOf(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY).toISOString().slice(0, 10);
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Where the department's remote counter and the kiosk are both open on that weekday, in minutes after midnight. */
export function openWindows(weekday: number, departmentHours: OpeningInterval[], kioskHours: OpeningInterval[]): [number, number][] {
  const windows: [number, number][] = [];
  for (const d of departmentHours.filter((h) => h.weekday === weekday)) {
    for (const k of kioskHours.filter((h) => h.weekday === weekday)) {
      const from = Math.max(minutesOf(d.opens), minutesOf(k.opens));
      const to = Math.min(minutesOf(d.closes), minutesOf(k.closes));
      if (to > from) windows.push([from, to]);
    }
  }
  return windows.sort((a, b) => a[0] - b[0]);
}

/**
 * The free times, by the same rules the database applies: a start is offered when the kiosk
 * has no live appointment overlapping it (the exclusion constraint) and fewer than `capacity`
 * live appointments of the department overlap it (the capacity trigger). Slots follow each
 * other from the opening time, one slot length apart.
 */
export function computeFreeTimes(input: FreeTimeInput): FreeTimeDay[] {
  const slotMs = input.slotMinutes * MINUTE;
  const kioskSpans = input.spans.filter((s) => s.kioskId === input.kioskId).sort((a, b) => a.startsAt - b.startsAt);
  const departmentSpans = input.spans.filter((s) => s.departmentId === input.departmentId).sort((a, b) => a.startsAt - b.startsAt);
  const result: FreeTimeDay[] = [];
  for (const day of input.days) {
    const times: FreeTime[] = [];
    if (!input.blockedDays.has(day)) {
      const midnight = startOfJapanDay(day).getTime();
      for (const [from, to] of openWindows(isoWeekdayOf(day), input.departmentHours, input.kioskHours)) {
        for (let minute = from; minute + input.slotMinutes <= to; minute += input.slotMinutes) {
          const start = midnight + minute * MINUTE;
          const end = start + slotMs;
          if (start < input.earliest || start >= input.latest) continue;
          if (overlapCount(kioskSpans, start, end, 1) > 0) continue;
          if (overlapCount(departmentSpans, start, end, input.capacity) >= input.capacity) continue;
          times.push({ startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() });
        }
      }
    }
    result.push({ day, times });
  }
  return result;
}

/** How many spans (sorted by start) overlap [start, end), counting no further than `enough`. */
function overlapCount(spans: LiveSpan[], start: number, end: number, enough: number): number {
  let count = 0;
  for (const span of spans) {
    if (span.startsAt >= end) break;
    if (span.endsAt > start && ++count >= enough) return count;
  }
  return count;
}
