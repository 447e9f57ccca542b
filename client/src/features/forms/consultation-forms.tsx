import { useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { useApiData } from '../../hooks/use-api-data';
import { formMessages } from '../../i18n/form-messages';
import { formatTimestamp } from '../../time/jst-format';
import { listConsultationForms } from './forms-api';
import { openFormPdf } from './open-form-pdf';

const t = formMessages;

/**
 * The forms of one consultation in its record (相談記録): 「署名済み」 with the PDF and its SHA-256,
 * or what became of them. The server shows them only to those who may see the record and audits
 * every PDF opened.
 */
export function ConsultationForms({ consultationId }: { consultationId: string }) {
  const forms = useApiData((o) => listConsultationForms(consultationId, o), consultationId);
  const { run } = useApi();
  const [failed, setFailed] = useState<string | null>(null);
  const list = forms.data ?? [];
  return (
    <section aria-labelledby="consultation-forms" className="card">
      <h2 id="consultation-forms" className="card__title">
        {t.recordHeading}
      </h2>
      {forms.data && list.length === 0 ? <p>{t.recordEmpty}</p> : null}
      {list.length > 0 ? (
        <ul className="consultation-forms">
          {list.map((form) => (
            <li key={form.documentId} className="consultation-forms__item" data-state={form.state}>
              <strong>{form.title}</strong>（{t.version(form.templateVersion)}）
              <span className={`form-panel__state form-panel__state--${form.state}`}>{t.states[form.state]}</span>
              {form.signedAt ? (
                <span>
                  {t.signedAt}: {formatTimestamp(form.signedAt)}
                </span>
              ) : null}
              {form.pdfSha256 ? (
                <code className="consultation-forms__sha" title={t.sha256}>
                  {t.sha256}: {form.pdfSha256}
                </code>
              ) : null}
              {form.state === 'signed' ? (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => {
                    setFailed(null);
                    openFormPdf(run, form.documentId).catch(() => setFailed(form.documentId));
                  }}
                >
                  {t.open}
                </button>
              ) : null}
              {failed === form.documentId ? <span role="alert">{t.openFailed}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
