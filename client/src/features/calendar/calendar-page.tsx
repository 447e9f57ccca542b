import { useState } from 'react';
import type { Appointment } from '@madoguchi/contract/appointments';
import { navigate } from '../../app/navigate';
import type { RouteQuery } from '../../app/routes';
import { Notice } from '../../components/notice';
import { useAllStaff, useDepartments, useKiosks } from '../../hooks/use-reference-data';
import { calendarMessages } from '../../i18n/calendar-messages';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { jstToday } from '../../time/jst';
import { formatLocalDate } from '../../time/jst-format';
import { AppointmentDialog } from '../appointments/appointment-dialog';
import type { AppointmentDialogTarget } from '../appointments/appointment-dialog';
import { buildColumns, calendarResources, newAppointmentSeed, weekResource } from './calendar-columns';
import { CalendarGrid } from './calendar-grid';
import type { CalendarColumn } from './calendar-layout';
import { UNASSIGNED, calendarStateFromQuery, calendarStateToQuery, visibleDays } from './calendar-model';
import type { CalendarState } from './calendar-model';
import { CalendarToolbar } from './calendar-toolbar';
import { StatusLegend } from './status-legend';
import { useCalendarAppointments } from './use-calendar-appointments';
import { PageSection } from '../../components/page-section';

const t = calendarMessages;

function rangeLabel(state: CalendarState): string {
  const days = visibleDays(state);
  const first = days[0] ?? state.date;
  const last = days.at(-1) ?? state.date;
  const range = first === last ? formatLocalDate(first) : `${formatLocalDate(first)} 〜 ${formatLocalDate(last)}`;
  return state.view === 'day' && first === jstToday() ? `${range} (${t.today})` : range;
}

/** 予約カレンダー: day or week, by kiosk or by staff member. The open appointment is in the URL (`open=`). */
export function CalendarPage({ query }: { query: RouteQuery }) {
  const state = calendarStateFromQuery(query);
  const openId = query['open'] ?? null;
  const [creating, setCreating] = useState<AppointmentDialogTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const departments = useDepartments();
  const kiosks = useKiosks();
  const staff = useAllStaff();
  const sources = { kiosks: kiosks.data ?? [], staff: staff.data ?? [], unassignedLabel: t.unassigned, dayHeading: (d: string) => formatLocalDate(d, 'short') };
  const resourceId = state.view === 'week' ? weekResource(state, sources) : null;
  const appointments = useCalendarAppointments(state, resourceId);

  const go = (next: CalendarState, open: string | null) =>
    navigate({ name: 'calendar', query: { ...calendarStateToQuery(next), ...(open ? { open } : {}) } }, { replace: true });
  const closeDialog = () => {
    setCreating(null);
    if (openId) go(state, null);
  };
  const changed = (message: string) => {
    closeDialog();
    setNotice(message);
    appointments.reload();
  };

  const shown = (appointments.data?.items ?? []).filter((a) => state.showCancelled || a.status !== 'cancelled');
  const columns = buildColumns({ ...state, resourceId }, sources);
  const loadError = appointments.error ?? kiosks.error ?? staff.error ?? departments.error;
  const resources = calendarResources(state, sources).map(({ id, name }) => ({ id, name }));
  if (state.axis === 'staff') resources.push({ id: UNASSIGNED, name: t.unassigned });
  const target: AppointmentDialogTarget | null = openId ? { kind: 'edit', id: openId } : creating;
  const newAt = (column?: CalendarColumn, minutes?: number) =>
    setCreating({ kind: 'new', seed: newAppointmentSeed(state, resourceId, column, minutes) });

  return (
    <PageSection heading={t.heading} wide>
      <CalendarToolbar state={state} resources={resources} resourceId={resourceId} departments={departments.data ?? []} onChange={(patch) => go({ ...state, ...patch }, openId)} onNew={() => newAt()} />
      <h2 className="calendar__range" aria-live="polite">
        {rangeLabel(state)}
      </h2>
      {notice ? <Notice tone="success" text={notice} /> : null}
      {loadError ? <Notice tone="error" text={describeError(loadError)} actionLabel={common.actions.retry} onAction={appointments.reload} /> : null}
      {appointments.data && appointments.data.total > appointments.data.items.length ? <Notice text={t.tooMany} /> : null}
      {appointments.loading && !appointments.data ? <p role="status">{common.loading}</p> : null}
      <p className="page__hint">
        {t.keyboardHint} {t.hoursHint}
      </p>
      <StatusLegend />
      {columns.length === 0 && kiosks.data && staff.data ? (
        <Notice text={state.axis === 'kiosk' ? t.noKiosks : t.noStaff} />
      ) : (
        <CalendarGrid
          label={t.gridLabel(rangeLabel(state))}
          columns={columns}
          appointments={shown}
          today={state.view === 'week' ? jstToday() : ''}
          secondaryOf={(a: Appointment) => (state.axis === 'kiosk' ? (a.staffName ?? t.unassigned) : a.kioskName)}
          onSlot={newAt}
          onOpen={(a) => go(state, a.id)}
        />
      )}
      {target ? (
        <AppointmentDialog target={target} departments={departments.data ?? []} kiosks={kiosks.data ?? []} staff={staff.data ?? []} onChanged={changed} onClose={closeDialog} />
      ) : null}
    </PageSection>
  );
}
