import { addDays, isLocalDate, jstDayRange, jstToday, mondayOf } from '../../time/jst';

export const CALENDAR_VIEWS = ['day', 'week'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];
export const CALENDAR_AXES = ['kiosk', 'staff'] as const;
export type CalendarAxis = (typeof CALENDAR_AXES)[number];

/** The resource id the staff axis uses for appointments nobody is assigned to. */
export const UNASSIGNED = 'unassigned';

/** What the calendar shows; kept in the URL so reload and "back" return to the same place. */
export interface CalendarState {
  view: CalendarView;
  axis: CalendarAxis;
  /** A Japan day; in the week view, any day of that week. */
  date: string;
  /** Week view: the kiosk or staff member (or UNASSIGNED) shown. */
  resourceId: string | null;
  departmentId: string | null;
  showCancelled: boolean;
}

function oneOf<T extends string>(value: string | undefined, options: readonly T[], fallback: T): T {
  return value !== undefined && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function calendarStateFromQuery(query: Readonly<Record<string, string>>, today: string = jstToday()): CalendarState {
  const date = query['date'];
  return {
    view: oneOf(query['view'], CALENDAR_VIEWS, 'day'),
    axis: oneOf(query['by'], CALENDAR_AXES, 'kiosk'),
    date: date !== undefined && isLocalDate(date) ? date : today,
    resourceId: query['resource'] || null,
    departmentId: query['department'] || null,
    showCancelled: query['cancelled'] === '1',
  };
}

export function calendarStateToQuery(state: CalendarState): Record<string, string> {
  const query: Record<string, string> = { view: state.view, by: state.axis, date: state.date };
  if (state.resourceId) query['resource'] = state.resourceId;
  if (state.departmentId) query['department'] = state.departmentId;
  if (state.showCancelled) query['cancelled'] = '1';
  return query;
}

/** The Japan days on screen: one, or Monday to Sunday. */
export function visibleDays(state: Pick<CalendarState, 'view' | 'date'>): string[] {
  if (state.view === 'day') return [state.date];
  const monday = mondayOf(state.date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The date after "previous" (-1) or "next" (+1): a day or a week. */
export function stepDate(state: Pick<CalendarState, 'view' | 'date'>, direction: -1 | 1): string {
  return addDays(state.date, direction * (state.view === 'day' ? 1 : 7));
}

/** The instants [from, to) to ask the API for. */
export function fetchRange(state: Pick<CalendarState, 'view' | 'date'>): { from: string; to: string } {
  const days = visibleDays(state);
  return jstDayRange(days[0] ?? state.date, days.length);
}
