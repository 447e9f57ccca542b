import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Notice } from '../../components/notice';
import { outcomeRequest } from '../../components/outcome-draft';
import type { OutcomeDraft } from '../../components/outcome-draft';
import { OutcomeFields } from '../../components/outcome-fields';
import { useStaffCall } from '../../hooks/use-call-client';
import { consoleMessages } from '../../i18n/console-messages';
import { legMessages } from '../../i18n/leg-messages';
import { describeError } from '../../i18n/describe-error';

const t = consoleMessages.outcome;

export interface AfterCallFormProps {
  consultationId: string;
  /**
   * Saved (true) or put off (false); either way the console goes back to the queue. `queued`:
   * the server accepted it but the database is away; it lands, with this time, once it is back.
   */
  onDone: (saved: boolean, queued?: boolean) => void;
  /** This desk handed the resident to another department: the form is for its own leg. */
  transferred?: boolean;
}

/** Right after a call: the outcome code and notes, then back to the queue. */
export function AfterCallForm({ consultationId, onDone, transferred = false }: AfterCallFormProps) {
  const desk = useStaffCall();
  const [draft, setDraft] = useState<OutcomeDraft>({ outcome: '', notes: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // autoFocus alone is not enough: the form mounts while the hang-up confirmation (a modal
  // <dialog>) is being taken down, and focus fell to <body>, leaving keyboard users nowhere.
  // Once that has settled, the outcome field takes the focus unless something in the form has it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      if (form && !form.contains(document.activeElement)) form.querySelector<HTMLElement>('select, textarea, input')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = outcomeRequest(draft);
    if (!body) return setError(t.chooseFirst);
    setBusy(true);
    setError(null);
    try {
      // Over the console's socket: it is accepted even while the database is away (queued there).
      const { queued } = await desk.sendStaffRequest('saveOutcome', { consultationId, ...body });
      onDone(true, queued);
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="card after-call" aria-labelledby="after-call-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="after-call-heading" className="card__title">
        {t.heading}
      </h2>
      {transferred ? <p className="after-call__hint">{legMessages.afterTransfer}</p> : null}
      <OutcomeFields
        draft={draft}
        onChange={setDraft}
        texts={{ outcome: t.code, choose: t.choose, notes: t.notes }}
        outcomeError={error === t.chooseFirst ? error : null}
        notesRows={4}
        autoFocus
      />
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
