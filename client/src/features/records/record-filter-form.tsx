import { useState } from 'react';
import type { FormEvent } from 'react';
import { OUTCOME_CODES } from '@madoguchi/contract/consultation';
import type { Department } from '@madoguchi/contract/departments';
import type { KioskSummary } from '@madoguchi/contract/kiosks';
import type { StaffMember } from '@madoguchi/contract/staff';
import { FormField } from '../../components/form-field';
import { common } from '../../i18n/common-messages';
import { recordMessages } from '../../i18n/record-messages';
import { CONSULTATION_KINDS, CONSULTATION_STATE_CHOICES, rangeIsValid } from './record-filter';
import type { RecordFilterForm as FormValues } from './record-filter';
import { SelectField } from '../../components/select-field';

const t = recordMessages.filters;
const EMPTY: FormValues = { from: '', to: '', departmentId: '', kioskId: '', staffId: '', status: '', kind: '', outcomeCode: '' };

export interface RecordFilterFormProps {
  initial: FormValues;
  departments: readonly Department[];
  kiosks: readonly KioskSummary[];
  /** Null for staff members, who cannot list other staff. */
  staff: readonly StaffMember[] | null;
  onApply: (form: FormValues) => void;
}

interface Choice {
  value: string;
  label: string;
}

/** The search form; nothing is fetched until 「この条件で表示」. */
export function RecordFilterForm({ initial, departments, kiosks, staff, onApply }: RecordFilterFormProps) {
  const [form, setForm] = useState<FormValues>(initial);
  const [rangeError, setRangeError] = useState(false);
  const set = (patch: Partial<FormValues>) => setForm((prev) => ({ ...prev, ...patch }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = rangeIsValid(form);
    setRangeError(!valid);
    if (valid) onApply(form);
  };

  const select = (key: keyof FormValues, label: string, choices: readonly Choice[]) => (
    <SelectField label={label} value={form[key]} emptyLabel={t.all} choices={choices} onChange={(value) => set({ [key]: value } as Partial<FormValues>)} />
  );

  return (
    <form className="filters" role="search" aria-label={t.label} onSubmit={submit} noValidate>
      <div className="form-grid form-grid--dense">
        <FormField label={t.from}>{(c) => <input {...c} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />}</FormField>
        <FormField label={t.to} error={rangeError ? t.invalidRange : null}>
          {(c) => <input {...c} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />}
        </FormField>
        {select('departmentId', t.department, departments.map((d) => ({ value: d.id, label: d.name })))}
        {select('kioskId', t.kiosk, kiosks.map((k) => ({ value: k.id, label: k.name })))}
        {staff ? select('staffId', t.staff, staff.map((m) => ({ value: m.id, label: m.displayName }))) : null}
        {select('status', t.status, CONSULTATION_STATE_CHOICES.map((s) => ({ value: s, label: common.consultationStatus[s] })))}
        {select('kind', t.kind, CONSULTATION_KINDS.map((k) => ({ value: k, label: common.consultationKind[k] })))}
        {select('outcomeCode', t.outcome, OUTCOME_CODES.map((o) => ({ value: o, label: common.outcome[o] })))}
      </div>
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary">
          {t.apply}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setForm(EMPTY);
            setRangeError(false);
            onApply(EMPTY);
          }}
        >
          {common.actions.clear}
        </button>
      </div>
    </form>
  );
}
