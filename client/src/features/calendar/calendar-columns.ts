import type { KioskSummary } from '@madoguchi/contract/kiosks';
import type { DraftSeed } from '../appointments/appointment-draft';
import { minutesToTime } from '../../time/jst';
import type { StaffMember } from '@madoguchi/contract/staff';
import type { CalendarColumn } from './calendar-layout';
import { UNASSIGNED, visibleDays } from './calendar-model';
import type { CalendarState } from './calendar-model';

export interface ColumnSources {
  kiosks: readonly KioskSummary[];
  staff: readonly StaffMember[];
  unassignedLabel: string;
  dayHeading: (date: string) => string;
}

/** Kiosks in service, or members of the chosen department, in the order the API gave them. */
export function calendarResources(state: Pick<CalendarState, 'axis' | 'departmentId'>, sources: Pick<ColumnSources, 'kiosks' | 'staff'>) {
  if (state.axis === 'kiosk') return sources.kiosks.filter((k) => k.active).map((k) => ({ id: k.id, name: k.name, detail: k.location }));
  return sources.staff
    .filter((m) => m.active && (!state.departmentId || m.departmentIds.includes(state.departmentId)))
    .map((m) => ({ id: m.id, name: m.displayName, detail: '' }));
}

/** The resource the week view shows: the chosen one if it still exists, else the first. */
export function weekResource(state: CalendarState, sources: ColumnSources): string | null {
  const ids = calendarResources(state, sources).map((r) => r.id);
  if (state.axis === 'staff') ids.push(UNASSIGNED);
  return state.resourceId && ids.includes(state.resourceId) ? state.resourceId : (ids[0] ?? null);
}

const narrow = (axis: CalendarState['axis'], id: string): Pick<CalendarColumn, 'kioskId' | 'staffId'> =>
  axis === 'kiosk' ? { kioskId: id } : { staffId: id === UNASSIGNED ? null : id };

/** Day view: one column per kiosk or member (plus 担当未定); week view: one per day for one resource. */
export function buildColumns(state: CalendarState, sources: ColumnSources): CalendarColumn[] {
  if (state.view === 'week') {
    const resource = weekResource(state, sources);
    if (!resource) return [];
    return visibleDays(state).map((date) => ({ key: date, heading: sources.dayHeading(date), date, ...narrow(state.axis, resource) }));
  }
  const columns: CalendarColumn[] = calendarResources(state, sources).map((r) => ({
    key: r.id,
    heading: r.name,
    subheading: r.detail || undefined,
    date: state.date,
    ...narrow(state.axis, r.id),
  }));
  if (state.axis === 'staff') columns.push({ key: UNASSIGNED, heading: sources.unassignedLabel, date: state.date, staffId: null });
  return columns;
}

/**
 * What a new appointment starts with: the clicked slot's day, time and kiosk or member; from
 * 「新しい予約」, the day on screen and (week view) the kiosk or member shown.
 */
export function newAppointmentSeed(state: CalendarState, resourceId: string | null, column?: CalendarColumn, minutes?: number): DraftSeed {
  const seed: DraftSeed = { date: column?.date ?? state.date };
  if (minutes !== undefined) seed.startTime = minutesToTime(minutes);
  const kioskId = column ? column.kioskId : state.axis === 'kiosk' ? resourceId : null;
  const staffId = column ? column.staffId : state.axis === 'staff' && resourceId !== UNASSIGNED ? resourceId : null;
  if (kioskId) seed.kioskId = kioskId;
  if (staffId) seed.staffId = staffId;
  if (state.departmentId) seed.departmentId = state.departmentId;
  return seed;
}
