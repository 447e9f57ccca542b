import { useState } from 'react';
import { StatusLine } from '../../components/status-line';
import { useApi } from '../../hooks/use-api';
import { formMessages } from '../../i18n/form-messages';
import { FormFieldInput } from './form-field-input';
import { openFormPdf } from './open-form-pdf';
import { useCallForm } from './use-call-form';

const t = formMessages;

/**
 * 書かない窓口 in the call: choose a template, fill it in (prefilled from the booking), show it on
 * the kiosk with 「住民の方に確認してもらう」, correct the field the resident points at and send
 * again; 「署名済み」 as soon as the resident signs, with the PDF one click away.
 */
export function FormPanel({ consultationId, canPush }: { consultationId: string | null; canPush: boolean }) {
  const form = useCallForm(consultationId);
  const { run } = useApi();
  const [openFailed, setOpenFailed] = useState(false);
  const { template, document } = form;
  const locked = document?.state === 'signed' || document?.state === 'refused' || document?.state === 'withdrawn';
  const onKiosk = document?.state === 'shown' || document?.state === 'correction_asked';
  const waiting = document?.state === 'shown';
  const flagged = document?.state === 'correction_asked' ? document.correctionField : null;
  const flaggedLabel = flagged ? (template?.fields.find((f) => f.key === flagged)?.label.ja ?? flagged) : null;

  return (
    <section className="form-panel" aria-labelledby="form-panel-heading">
      <h3 id="form-panel-heading" className="form-panel__heading">
        {t.heading}
        {document ? <span className={`form-panel__state form-panel__state--${document.state}`}>{t.states[document.state]}</span> : null}
      </h3>
      {form.templates && form.templates.length === 0 ? <p>{t.noTemplates}</p> : null}
      {!document || locked ? (
        <label className="form-panel__choose">
          {t.chooseTemplate}
          <select value={template?.templateId ?? ''} disabled={!canPush || !form.templates?.length} onChange={(e) => form.choose(e.target.value || null)}>
            <option value="">—</option>
            {form.templates?.map((candidate) => (
              <option key={candidate.templateId} value={candidate.templateId}>
                {candidate.title.ja}（{t.version(candidate.version)}）
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {flaggedLabel ? <StatusLine text={t.correctionAsked(flaggedLabel)} tone="warning" /> : null}
      {document?.state === 'signed' ? (
        <div className="form-panel__signed">
          <StatusLine text={t.signedNotice} tone="info" />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setOpenFailed(false);
              openFormPdf(run, document.documentId).catch(() => setOpenFailed(true));
            }}
          >
            {t.open}
          </button>
          {openFailed ? <StatusLine text={t.openFailed} tone="warning" /> : null}
        </div>
      ) : null}
      {document?.state === 'withdrawn' ? <StatusLine text={t.withdrawnNotice} tone="info" /> : null}
      {template && !locked ? (
        <form
          className="form-panel__fields"
          onSubmit={(event) => {
            event.preventDefault();
            form.push();
          }}
        >
          <p className="form-panel__note">{t.prefilledNote}</p>
          {template.fields.map((field) => (
            <FormFieldInput
              key={field.key}
              field={field}
              value={form.values[field.key]}
              problem={form.problems[field.key]}
              flagged={flagged === field.key}
              disabled={!canPush || form.busy}
              onChange={(value) => form.change(field.key, value)}
            />
          ))}
          {Object.keys(form.problems).length > 0 ? <StatusLine text={t.fixFirst} tone="warning" /> : null}
          {form.failed ? <StatusLine text={t.pushFailed} tone="warning" /> : null}
          {form.withdrawFailed ? <StatusLine text={t.withdrawFailed} tone="warning" /> : null}
          <button type="submit" className="button button--primary" disabled={!canPush || form.busy || waiting}>
            {form.busy ? t.pushing : document ? t.resend : t.push}
          </button>
          {onKiosk ? (
            <button type="button" className="button button--secondary" disabled={!canPush || form.busy} onClick={() => form.withdraw()}>
              {t.withdraw}
            </button>
          ) : null}
          {waiting ? <StatusLine text={t.states.shown} tone="info" /> : null}
        </form>
      ) : null}
    </section>
  );
}
