import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { FormField } from '../../components/form-field';
import { DURATION_CHOICES } from './appointment-draft';
import { problemFor, staffForDepartment } from './appointment-form-types';
import type { AppointmentFieldsProps, AppointmentFormOptions } from './appointment-form-types';
import { SelectField } from '../../components/select-field';

const f = appointmentMessages.fields;

/** Where and with whom: department, kiosk and (optionally) a staff member of that department. */
export function AppointmentPlaceFields({ draft, onChange, problems, disabled, departments, kiosks, staff }: AppointmentFieldsProps & AppointmentFormOptions) {
  const departmentChoices = departments.filter((d) => d.active || d.id === draft.departmentId);
  const kioskChoices = kiosks.filter((k) => k.active || k.id === draft.kioskId);
  const staffChoices = staffForDepartment(staff, draft.departmentId, draft.staffId);
  const changeDepartment = (departmentId: string) => {
    const keepsStaff = !draft.staffId || staff.some((m) => m.id === draft.staffId && m.departmentIds.includes(departmentId));
    onChange(keepsStaff ? { departmentId } : { departmentId, staffId: '' });
  };

  // Department and kiosk are both required picks with the same empty option and problem look-up.
  const mustChoose = (key: 'departmentId' | 'kioskId') =>
    ({ required: true, requiredLabel: common.required, error: problemFor(problems, key), value: draft[key], disabled, emptyLabel: f.choose }) as const;

  return (
    <>
      <SelectField label={f.department} {...mustChoose('departmentId')} choices={departmentChoices.map((d) => ({ value: d.id, label: d.name }))} onChange={changeDepartment} />
      <SelectField
        label={f.kiosk}
        {...mustChoose('kioskId')}
        choices={kioskChoices.map((k) => ({ value: k.id, label: `${k.name}（${k.location}）` }))}
        onChange={(kioskId) => onChange({ kioskId })}
      />
      <SelectField
        label={f.staff}
        hint={f.staffHint}
        value={draft.staffId}
        disabled={disabled}
        emptyLabel={f.staffNone}
        choices={staffChoices.map((m) => ({ value: m.id, label: m.displayName }))}
        onChange={(staffId) => onChange({ staffId })}
      />
    </>
  );
}

/** When: the Japan date, start time and duration. */
export function AppointmentTimeFields({ draft, onChange, problems, disabled, startGraceMinutes }: AppointmentFieldsProps) {
  const durations = (DURATION_CHOICES as readonly number[]).includes(draft.durationMinutes)
    ? [...DURATION_CHOICES]
    : [...DURATION_CHOICES, draft.durationMinutes].sort((a, b) => a - b);
  return (
    <>
      <FormField label={f.date} required requiredLabel={common.required} error={problemFor(problems, 'date', startGraceMinutes)}>
        {(c) => <input {...c} type="date" value={draft.date} disabled={disabled} onChange={(e) => onChange({ date: e.target.value })} />}
      </FormField>
      <FormField label={f.startTime} hint={f.startTimeHint} required requiredLabel={common.required} error={problemFor(problems, 'startTime')}>
        {(c) => (
          <input {...c} type="time" step={300} value={draft.startTime} disabled={disabled} onChange={(e) => onChange({ startTime: e.target.value })} />
        )}
      </FormField>
      <SelectField
        label={f.duration}
        error={problemFor(problems, 'durationMinutes')}
        value={String(draft.durationMinutes)}
        disabled={disabled}
        choices={durations.map((m) => ({ value: String(m), label: appointmentMessages.durationOption(m) }))}
        onChange={(minutes) => onChange({ durationMinutes: Number(minutes) })}
      />
    </>
  );
}

/** Where, when and with whom, in one grid. */
export function AppointmentSlotFields(props: AppointmentFieldsProps & AppointmentFormOptions) {
  return (
    <div className="form-grid">
      <AppointmentPlaceFields {...props} />
      <AppointmentTimeFields {...props} />
    </div>
  );
}
