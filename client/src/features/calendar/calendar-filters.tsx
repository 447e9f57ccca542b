import type { Department } from '@madoguchi/contract/departments';
import { SegmentedControl } from '../../components/segmented-control';
import { calendarMessages } from '../../i18n/calendar-messages';
import type { CalendarState } from './calendar-model';
import { SelectField } from '../../components/select-field';

const t = calendarMessages;

export interface CalendarFiltersProps {
  state: CalendarState;
  resources: readonly { id: string; name: string }[];
  resourceId: string | null;
  departments: readonly Department[];
  onChange: (patch: Partial<CalendarState>) => void;
}

/** Day or week, by kiosk or by staff, which one (week), department, and whether to show cancelled ones. */
export function CalendarFilters({ state, resources, resourceId, departments, onChange }: CalendarFiltersProps) {
  return (
    <div className="toolbar__row">
      <SegmentedControl
        label={t.view.label}
        value={state.view}
        options={[
          { value: 'day', label: t.view.day },
          { value: 'week', label: t.view.week },
        ]}
        onChange={(view) => onChange({ view })}
      />
      <SegmentedControl
        label={t.axis.label}
        value={state.axis}
        options={[
          { value: 'kiosk', label: t.axis.kiosk },
          { value: 'staff', label: t.axis.staff },
        ]}
        onChange={(axis) => onChange({ axis, resourceId: null })}
      />
      {state.view === 'week' ? (
        <SelectField
          label={t.resource[state.axis]}
          className="field--inline"
          value={resourceId ?? ''}
          choices={resources.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(id) => onChange({ resourceId: id || null })}
        />
      ) : null}
      <SelectField
        label={t.department}
        className="field--inline"
        value={state.departmentId ?? ''}
        emptyLabel={t.allDepartments}
        choices={departments.map((d) => ({ value: d.id, label: d.name }))}
        onChange={(id) => onChange({ departmentId: id || null })}
      />
      <label className="checkbox">
        <input type="checkbox" checked={state.showCancelled} onChange={(e) => onChange({ showCancelled: e.target.checked })} />
        <span>{t.showCancelled}</span>
      </label>
    </div>
  );
}
