import { useState } from 'react';
import type { FormEvent } from 'react';
import { REPORT_GRANULARITIES, REPORT_GROUPINGS } from '@madoguchi/contract/reports';
import { FormField } from '../../components/form-field';
import { reportMessages } from '../../i18n/report-messages';
import { reportRangeProblem } from './report-series';
import type { ReportForm as FormValues } from './report-series';
import { choicesOf } from '../../components/select-choices';
import { SelectField } from '../../components/select-field';

const t = reportMessages.form;

export interface ReportFormProps {
  initial: FormValues;
  exporting: boolean;
  onShow: (form: FormValues) => void;
  onExport: (form: FormValues) => void;
}

/** Period, granularity and breakdown; 「集計する」 shows, 「CSVを書き出す」 downloads the same query. */
export function ReportForm({ initial, exporting, onShow, onExport }: ReportFormProps) {
  const [form, setForm] = useState<FormValues>(initial);
  const [checked, setChecked] = useState(false);
  const problem = checked ? reportRangeProblem(form) : null;
  const set = (patch: Partial<FormValues>) => setForm((prev) => ({ ...prev, ...patch }));

  const act = (action: (form: FormValues) => void) => {
    setChecked(true);
    if (!reportRangeProblem(form)) action(form);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    act(onShow);
  };

  return (
    <form className="filters" aria-label={t.label} onSubmit={submit} noValidate>
      <div className="form-grid form-grid--dense">
        <FormField label={t.from}>{(c) => <input {...c} type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />}</FormField>
        <FormField label={t.to} hint={t.toHint} error={problem ? t[problem] : null}>
          {(c) => <input {...c} type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />}
        </FormField>
        <SelectField
          label={t.granularity}
          value={form.granularity}
          choices={choicesOf(REPORT_GRANULARITIES, t.granularities)}
          onChange={(granularity) => set({ granularity })}
        />
        <SelectField label={t.groupBy} value={form.groupBy} choices={choicesOf(REPORT_GROUPINGS, t.groupings)} onChange={(groupBy) => set({ groupBy })} />
      </div>
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary">
          {t.show}
        </button>
        <button type="button" className="button button--secondary" disabled={exporting} onClick={() => act(onExport)}>
          {t.csv}
        </button>
      </div>
    </form>
  );
}
