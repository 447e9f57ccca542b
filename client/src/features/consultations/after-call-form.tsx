import { useState } from 'react';
import type { FormEvent } from 'react';
import { OUTCOME_CODES } from '@contract/consultation';
import type { OutcomeCode } from '@contract/consultation';
import { recordOutcome } from '../../api/sessions-api';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { common } from '../../i18n/common-messages';
import { consoleMessages } from '../../i18n/console-messages';
import { describeError } from '../../i18n/describe-error';

const t = consoleMessages.outcome;

export interface AfterCallFormProps {
  sessionId: string;
  /** Saved (true) or put off (false); either way the console goes back to the queue. */
  onDone: (saved: boolean) => void;
}

/** Right after a call: the outcome code and notes, then back to the queue. */
export function AfterCallForm({ sessionId, onDone }: AfterCallFormProps) {
  const { run } = useApi();
  const [outcome, setOutcome] = useState<OutcomeCode | ''>('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome) return setError(t.chooseFirst);
    setBusy(true);
    setError(null);
    try {
      await run((o) => recordOutcome(sessionId, { outcomeCode: outcome, notes: notes.trim() }, o));
      onDone(true);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <form className="card after-call" aria-labelledby="after-call-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="after-call-heading" className="card__title">
        {t.heading}
      </h2>
      <FormField label={t.code} required requiredLabel={common.required} error={error === t.chooseFirst ? error : null}>
        {(c) => (
          <select {...c} value={outcome} onChange={(e) => setOutcome(e.target.value as OutcomeCode | '')} data-autofocus>
            <option value="">{t.choose}</option>
            {OUTCOME_CODES.map((code) => (
              <option key={code} value={code}>
                {common.outcome[code]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.notes}>
        {(c) => <textarea {...c} rows={4} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </FormField>
      {error && error !== t.chooseFirst ? <Notice tone="error" text={error} /> : null}
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => onDone(false)}>
          {t.skip}
        </button>
      </div>
    </form>
  );
}
