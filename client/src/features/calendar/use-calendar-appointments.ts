import type { Appointment } from '@madoguchi/contract/appointments';
import type { Page } from '@madoguchi/contract/pagination';
import { listAppointments } from '../../api/appointments-api';
import type { AppointmentFilter } from '../../api/appointments-api';
import type { ApiData } from '../../hooks/use-api-data';
import { useApiData } from '../../hooks/use-api-data';
import { useInterval } from '../../hooks/use-interval';
import { UNASSIGNED, fetchRange } from './calendar-model';
import type { CalendarState } from './calendar-model';

/** The API's largest page: a busy week of one city hall fits comfortably. */
const MAX_ITEMS = 500;
/** Check-ins and no-shows change statuses on their own; refresh now and then. */
const REFRESH_MS = 60_000;

export function calendarFilter(state: CalendarState, resourceId: string | null): AppointmentFilter {
  const filter: AppointmentFilter = { ...fetchRange(state), pageSize: MAX_ITEMS };
  if (state.departmentId) filter.departmentId = state.departmentId;
  if (resourceId && state.axis === 'kiosk') filter.kioskId = resourceId;
  if (resourceId && state.axis === 'staff' && resourceId !== UNASSIGNED) filter.staffId = resourceId;
  return filter;
}

/** The appointments on screen, reloaded every minute. */
export function useCalendarAppointments(state: CalendarState, resourceId: string | null): ApiData<Page<Appointment>> {
  const filter = calendarFilter(state, resourceId);
  const appointments = useApiData((o) => listAppointments(filter, o), JSON.stringify(filter));
  useInterval(appointments.reload, REFRESH_MS);
  return appointments;
}
