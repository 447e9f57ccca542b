import type { Department } from '@madoguchi/contract/departments';
import { FormField } from '../../components/form-field';
import { SegmentedControl } from '../../components/segmented-control';
import { calendarMessages } from '../../i18n/calendar-messages';
import type { CalendarState } from './calendar-model';

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
        <FormField label={t.resource[state.axis]} className="field--inline">
          {(c) => (
            <select {...c} value={resourceId ?? ''} onChange={(e) => onChange({ resourceId: e.target.value || null })}>
              {resources.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <FormField label={t.department} className="field--inline">
        {(c) => (
          <select {...c} value={state.departmentId ?? ''} onChange={(e) => onChange({ departmentId: e.target.value || null })}>
            <option value="">{t.allDepartments}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label className="checkbox">
        <input type="checkbox" checked={state.showCancelled} onChange={(e) => onChange({ showCancelled: e.target.checked })} />
        <span>{t.showCancelled}</span>
      </label>
    </div>
  );
}
