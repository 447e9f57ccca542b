import { useState } from 'react';
import type { FormEvent } from 'react';
import { REPORT_GRANULARITIES, REPORT_GROUPINGS } from '@madoguchi/contract/reports';
import { FormField } from '../../components/form-field';
import { reportMessages } from '../../i18n/report-messages';
import { reportRangeProblem } from './report-series';
import type { Granularity, Grouping, ReportForm as FormValues } from './report-series';

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
        <FormField label={t.granularity}>
          {(c) => (
            <select {...c} value={form.granularity} onChange={(e) => set({ granularity: e.target.value as Granularity })}>
              {REPORT_GRANULARITIES.map((g) => (
                <option key={g} value={g}>
                  {t.granularities[g]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t.groupBy}>
          {(c) => (
            <select {...c} value={form.groupBy} onChange={(e) => set({ groupBy: e.target.value as Grouping })}>
              {REPORT_GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {t.groupings[g]}
                </option>
              ))}
            </select>
          )}
        </FormField>
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
