import { FormField } from '../../components/form-field';
import { calendarMessages } from '../../i18n/calendar-messages';
import { isLocalDate, jstToday } from '../../time/jst';
import { CalendarFilters } from './calendar-filters';
import type { CalendarFiltersProps } from './calendar-filters';
import { stepDate } from './calendar-model';

const t = calendarMessages;

export interface CalendarToolbarProps extends CalendarFiltersProps {
  onNew: () => void;
}

/** Previous / today / next, a date to jump to, 「新しい予約」, and the filters. */
export function CalendarToolbar({ onNew, ...filters }: CalendarToolbarProps) {
  const { state, onChange } = filters;
  return (
    <div className="toolbar">
      <div className="toolbar__row">
        <div className="toolbar__group" role="group" aria-label={t.view.label}>
          <button type="button" className="button button--secondary" onClick={() => onChange({ date: stepDate(state, -1) })}>
            {t.previous[state.view]}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onChange({ date: jstToday() })}>
            {t.today}
          </button>
          <button type="button" className="button button--secondary" onClick={() => onChange({ date: stepDate(state, 1) })}>
            {t.next[state.view]}
          </button>
        </div>
        <FormField label={t.date} className="field--inline">
          {(c) => <input {...c} type="date" value={state.date} onChange={(e) => isLocalDate(e.target.value) && onChange({ date: e.target.value })} />}
        </FormField>
        <button type="button" className="button button--primary toolbar__end" onClick={onNew}>
          {t.newAppointment}
        </button>
      </div>
      <CalendarFilters {...filters} />
    </div>
  );
}
