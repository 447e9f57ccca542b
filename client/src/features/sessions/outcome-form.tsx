import { useState } from 'react';
import type { FormEvent } from 'react';
import { OUTCOME_CODES } from '@contract/consultation';
import type { OutcomeCode, SessionRecord } from '@contract/consultation';
import { recordOutcome } from '../../api/sessions-api';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { useApi } from '../../hooks/use-api';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { sessionMessages } from '../../i18n/session-messages';

const t = sessionMessages.outcomeForm;

/** The outcome code and notes a member records after (or during) the consultation. */
export function OutcomeForm({ session, onSaved }: { session: SessionRecord; onSaved: () => void }) {
  const { run } = useApi();
  const [outcome, setOutcome] = useState<OutcomeCode | ''>(session.outcomeCode ?? '');
  const [notes, setNotes] = useState(session.notes);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome) return setStatus({ tone: 'error', text: t.chooseFirst });
    setBusy(true);
    setStatus(null);
    try {
      await run((o) => recordOutcome(session.id, { outcomeCode: outcome, notes: notes.trim() }, o));
      setStatus({ tone: 'success', text: t.saved });
      onSaved();
    } catch (caught) {
      setStatus({ tone: 'error', text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-labelledby="outcome-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="outcome-heading" className="card__title">
        {t.heading}
      </h2>
      <FormField label={t.outcome} required requiredLabel={common.required} error={status?.text === t.chooseFirst ? t.chooseFirst : null}>
        {(c) => (
          <select {...c} value={outcome} onChange={(e) => setOutcome(e.target.value as OutcomeCode | '')}>
            <option value="">{t.choose}</option>
            {OUTCOME_CODES.map((code) => (
              <option key={code} value={code}>
                {common.outcome[code]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t.notes} hint={t.notesHint}>
        {(c) => <textarea {...c} rows={5} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </FormField>
      {status && status.text !== t.chooseFirst ? <Notice tone={status.tone} text={status.text} /> : null}
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? common.actions.saving : t.save}
        </button>
      </div>
    </form>
  );
}
