import type { Appointment } from '@madoguchi/contract/appointments';
import { jstDateOf, jstMinutesOf } from '../../time/jst';

/** The grid: 08:30 to 17:30 Japan time in 15-minute rows. */
export const DAY_START_MINUTES = 8 * 60 + 30;
export const DAY_END_MINUTES = 17 * 60 + 30;
export const SLOT_MINUTES = 15;
export const SLOT_COUNT = (DAY_END_MINUTES - DAY_START_MINUTES) / SLOT_MINUTES;

/** Minutes since Japan midnight at which each row starts. */
export function slotStarts(): number[] {
  return Array.from({ length: SLOT_COUNT }, (_, i) => DAY_START_MINUTES + i * SLOT_MINUTES);
}

/** One column of the grid: a day, narrowed to a kiosk and/or staff member (null = nobody assigned). */
export interface CalendarColumn {
  key: string;
  heading: string;
  subheading?: string;
  date: string;
  kioskId?: string;
  staffId?: string | null;
}

export function columnHolds(column: CalendarColumn, appointment: Appointment): boolean {
  if (jstDateOf(appointment.startsAt) !== column.date) return false;
  if (column.kioskId !== undefined && appointment.kioskId !== column.kioskId) return false;
  if (column.staffId !== undefined && appointment.staffId !== column.staffId) return false;
  return true;
}

/** Rows [rowStart, rowEnd) an appointment covers on its start day, clipped to the grid; null if wholly outside. */
export interface RowSpan {
  rowStart: number;
  rowEnd: number;
  /** Part of it lies before 08:30 or after 17:30. */
  clipped: boolean;
}

export function rowSpanOf(appointment: Pick<Appointment, 'startsAt' | 'endsAt'>): RowSpan | null {
  const start = jstMinutesOf(appointment.startsAt);
  const sameDay = jstDateOf(appointment.endsAt) === jstDateOf(appointment.startsAt);
  const end = sameDay ? jstMinutesOf(appointment.endsAt) : 24 * 60;
  if (end <= DAY_START_MINUTES || start >= DAY_END_MINUTES) return null;
  const rowStart = Math.max(0, Math.floor((start - DAY_START_MINUTES) / SLOT_MINUTES));
  const rowEnd = Math.min(SLOT_COUNT, Math.max(rowStart + 1, Math.ceil((end - DAY_START_MINUTES) / SLOT_MINUTES)));
  return { rowStart, rowEnd, clipped: start < DAY_START_MINUTES || end > DAY_END_MINUTES };
}

export interface LaneItem {
  id: string;
  rowStart: number;
  rowEnd: number;
}

export interface Lane {
  lane: number;
  /** Lanes in this item's cluster of overlapping items; its width is 1/lanes. */
  lanes: number;
}

/**
 * Side-by-side lanes for overlapping blocks in one column (a cancelled appointment and its
 * replacement, say). Items that overlap, directly or through others, share one lane count.
 */
export function assignLanes(items: readonly LaneItem[]): Map<string, Lane> {
  const sorted = [...items].sort((a, b) => a.rowStart - b.rowStart || b.rowEnd - a.rowEnd || a.id.localeCompare(b.id));
  const result = new Map<string, Lane>();
  let cluster: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    for (const member of cluster) result.set(member.id, { lane: member.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.rowStart >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.rowStart);
    if (lane === -1) lane = laneEnds.push(item.rowEnd) - 1;
    else laneEnds[lane] = item.rowEnd;
    cluster.push({ id: item.id, lane });
    clusterEnd = Math.max(clusterEnd, item.rowEnd);
  }
  closeCluster();
  return result;
}
