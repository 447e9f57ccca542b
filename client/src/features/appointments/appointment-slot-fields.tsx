import { appointmentMessages } from '../../i18n/appointment-messages';
import { common } from '../../i18n/common-messages';
import { FormField } from '../../components/form-field';
import { DURATION_CHOICES } from './appointment-draft';
import { problemFor, staffForDepartment } from './appointment-form-types';
import type { AppointmentFieldsProps, AppointmentFormOptions } from './appointment-form-types';

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

  return (
    <>
      <FormField label={f.department} required requiredLabel={common.required} error={problemFor(problems, 'departmentId')}>
        {(c) => (
          <select {...c} value={draft.departmentId} disabled={disabled} onChange={(e) => changeDepartment(e.target.value)}>
            <option value="">{f.choose}</option>
            {departmentChoices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={f.kiosk} required requiredLabel={common.required} error={problemFor(problems, 'kioskId')}>
        {(c) => (
          <select {...c} value={draft.kioskId} disabled={disabled} onChange={(e) => onChange({ kioskId: e.target.value })}>
            <option value="">{f.choose}</option>
            {kioskChoices.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}（{k.location}）
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={f.staff} hint={f.staffHint}>
        {(c) => (
          <select {...c} value={draft.staffId} disabled={disabled} onChange={(e) => onChange({ staffId: e.target.value })}>
            <option value="">{f.staffNone}</option>
            {staffChoices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

/** When: the Japan date, start time and duration. */
export function AppointmentTimeFields({ draft, onChange, problems, disabled }: AppointmentFieldsProps) {
  const durations = (DURATION_CHOICES as readonly number[]).includes(draft.durationMinutes)
    ? [...DURATION_CHOICES]
    : [...DURATION_CHOICES, draft.durationMinutes].sort((a, b) => a - b);
  return (
    <>
      <FormField label={f.date} required requiredLabel={common.required} error={problemFor(problems, 'date')}>
        {(c) => <input {...c} type="date" value={draft.date} disabled={disabled} onChange={(e) => onChange({ date: e.target.value })} />}
      </FormField>
      <FormField label={f.startTime} hint={f.startTimeHint} required requiredLabel={common.required} error={problemFor(problems, 'startTime')}>
        {(c) => (
          <input {...c} type="time" step={300} value={draft.startTime} disabled={disabled} onChange={(e) => onChange({ startTime: e.target.value })} />
        )}
      </FormField>
      <FormField label={f.duration} error={problemFor(problems, 'durationMinutes')}>
        {(c) => (
          <select {...c} value={draft.durationMinutes} disabled={disabled} onChange={(e) => onChange({ durationMinutes: Number(e.target.value) })}>
            {durations.map((m) => (
              <option key={m} value={m}>
                {appointmentMessages.durationOption(m)}
              </option>
            ))}
          </select>
        )}
      </FormField>
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
