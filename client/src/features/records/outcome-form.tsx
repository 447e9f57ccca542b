import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConsultationRecord } from '@madoguchi/contract/consultation';
import { recordOutcome } from '../../api/consultations-api';
import { Notice } from '../../components/notice';
import { outcomeRequest } from '../../components/outcome-draft';
import type { OutcomeDraft } from '../../components/outcome-draft';
import { OutcomeFields } from '../../components/outcome-fields';
import { useAction } from '../../hooks/use-action';
import { common } from '../../i18n/common-messages';
import { recordMessages } from '../../i18n/record-messages';

const t = recordMessages.outcomeForm;

/** The outcome code and notes a member records after (or during) the consultation. */
export function OutcomeForm({ consultation, onSaved }: { consultation: ConsultationRecord; onSaved: () => void }) {
  const { perform, busy, error } = useAction();
  const [draft, setDraft] = useState<OutcomeDraft>({ outcome: consultation.outcomeCode ?? '', notes: consultation.notes });
  // How the last submit ended; a failed save is `error` instead.
  const [lastSubmit, setLastSubmit] = useState<'missingOutcome' | 'saved' | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = outcomeRequest(draft);
    if (!body) return setLastSubmit('missingOutcome');
    setLastSubmit(null);
    const sent = await perform((o) => recordOutcome(consultation.id, body, o));
    if (!sent.ok) return;
    setLastSubmit('saved');
    onSaved();
  }

  return (
    <form className="card" aria-labelledby="outcome-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="outcome-heading" className="card__title">
        {t.heading}
      </h2>
      <OutcomeFields draft={draft} onChange={setDraft} texts={t} outcomeError={lastSubmit === 'missingOutcome' ? t.chooseFirst : null} notesRows={5} />
      {lastSubmit === 'saved' ? <Notice tone="success" text={t.saved} /> : null}
      {lastSubmit === null && error ? <Notice tone="error" text={error} /> : null}
      <div className="form-actions form-actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? common.actions.saving : t.save}
        </button>
      </div>
    </form>
  );
}
