import { useRef, useState } from 'react';
import { displayFormValue, labelIn, SIGNATURE_BOX, type FormFieldDef, type FormShown, type SignatureStrokes } from '@madoguchi/contract/forms';
import type { Language } from '@madoguchi/contract/languages';
import { BigButton } from '../components/big-button';
import { SignatureBox, type SignatureBoxHandle } from '../components/signature-box';
import { KIOSK_FORM_MESSAGES } from '../i18n/form-messages';
import { fieldsOnPage, pageCount, type FormReview } from '../visit/form-review-state';
import type { KioskForms } from '../visit/kiosk-forms';
import '../styles/form-review.css';

export interface FormReviewProps {
  review: FormReview;
  language: Language;
  forms: KioskForms;
}

function valueText(field: FormFieldDef, form: FormShown, yes: string, empty: string): string {
  const value = form.values[field.key];
  if (field.type === 'checkbox') return value === true ? yes : empty;
  // Values as staff typed them; only choice labels follow the resident's language.
  if (field.type === 'choice' && typeof value === 'string') return field.options?.find((o) => o.value === value)?.label.ja ?? value;
  return displayFormValue(field, value) || empty;
}

function StrokesSvg({ strokes, label }: { strokes: SignatureStrokes; label: string }) {
  return (
    <svg className="form-print__signature" viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`} role="img" aria-label={label}>
      {strokes.map((stroke, i) => (
        <polyline key={i} points={stroke.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="#000" strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" />
      ))}
    </svg>
  );
}

/**
 * The form over the call, in large type: labels in the resident's language (Japanese beside
 * them), values as typed, a few fields per page, 「ここが違います」 on each; then the finger
 * signature and 「この内容で申請する」. When it is done, nothing of it stays on screen.
 */
export function FormReviewOverlay({ review, language, forms }: FormReviewProps) {
  const t = KIOSK_FORM_MESSAGES[language];
  const signature = useRef<SignatureBoxHandle>(null);
  const [empty, setEmpty] = useState(true);
  const title = 'form' in review ? labelIn(review.form.title, language) : '';

  const body = (() => {
    switch (review.phase) {
      case 'reviewing':
      case 'confirmRefuse': {
        const { form, page } = review;
        const pages = pageCount(form);
        const last = page === pages - 1;
        return (
          <>
            <p className="form-review__lead">{t.lead}</p>
            <dl className="form-review__fields">
              {fieldsOnPage(form, page).map((field) => (
                <div key={field.key} className="form-review__field" data-field={field.key}>
                  <dt>
                    <span className="form-review__label">{labelIn(field.label, language)}</span>
                    {language !== 'ja' && field.label[language] ? <span className="form-review__label-ja" lang="ja">{field.label.ja}</span> : null}
                  </dt>
                  <dd>
                    <span className="form-review__value" lang="ja">
                      {valueText(field, form, t.yes, t.empty)}
                    </span>
                    <BigButton variant="quiet" onClick={() => void forms.askCorrection(field.key)}>
                      {t.wrong}
                    </BigButton>
                  </dd>
                </div>
              ))}
            </dl>
            <div className="form-review__nav">
              <p className="form-review__page" aria-live="polite">
                {t.page(page + 1, pages)}
              </p>
              <BigButton variant="quiet" disabled={page === 0} onClick={() => forms.page(page - 1)}>
                {t.previous}
              </BigButton>
              {last ? (
                <BigButton onClick={() => forms.toSign()}>{t.toSign}</BigButton>
              ) : (
                <BigButton onClick={() => forms.page(page + 1)}>{t.next}</BigButton>
              )}
              <BigButton variant="danger" onClick={() => forms.refuse()}>
                {t.refuse}
              </BigButton>
            </div>
            {review.phase === 'confirmRefuse' ? (
              <div className="form-review__confirm" role="alertdialog" aria-modal="true" aria-label={t.refuseQuestion}>
                <p className="form-review__message">{t.refuseQuestion}</p>
                <BigButton variant="quiet" autoFocus onClick={() => forms.back()}>
                  {t.refuseNo}
                </BigButton>
                <BigButton variant="danger" onClick={() => void forms.confirmRefuse()}>
                  {t.refuseYes}
                </BigButton>
              </div>
            ) : null}
          </>
        );
      }
      case 'correctionSent':
        return <p className="form-review__message" role="status">{t.correctionSent}</p>;
      case 'signing':
      case 'submitting':
        return (
          <>
            <p className="form-review__lead">{t.signTitle}</p>
            <SignatureBox ref={signature} label={t.signBox} onChange={setEmpty} />
            <div className="form-review__nav">
              <BigButton variant="quiet" disabled={review.phase === 'submitting'} onClick={() => forms.back()}>
                {t.back}
              </BigButton>
              <BigButton variant="quiet" disabled={review.phase === 'submitting' || empty} onClick={() => signature.current?.clear()}>
                {t.clear}
              </BigButton>
              <BigButton disabled={review.phase === 'submitting' || empty} onClick={() => void forms.sign(signature.current?.strokes() ?? [])}>
                {review.phase === 'submitting' ? t.submitting : t.submit}
              </BigButton>
            </div>
          </>
        );
      case 'signed':
        return (
          <>
            <p className="form-review__message" role="status">{t.signed}</p>
            <div className="form-review__nav">
              {review.printCopy ? (
                <BigButton
                  onClick={() => {
                    window.print();
                    void forms.printed();
                  }}
                >
                  {t.print}
                </BigButton>
              ) : null}
              <BigButton variant="quiet" onClick={() => forms.close()}>
                {t.close}
              </BigButton>
            </div>
          </>
        );
      case 'refused':
        return (
          <>
            <p className="form-review__message" role="status">{t.refused}</p>
            <BigButton variant="quiet" onClick={() => forms.close()}>
              {t.close}
            </BigButton>
          </>
        );
      case 'problem':
        return (
          <>
            <p className="form-review__message" role="alert">{review.problem === 'stale' ? t.stale : t.failed}</p>
            <BigButton variant="quiet" onClick={() => forms.back()}>
              {t.back}
            </BigButton>
          </>
        );
    }
  })();

  return (
    <div className="form-review__backdrop">
      <section className="form-review" role="dialog" aria-modal="true" aria-labelledby="form-review-title">
        <h2 id="form-review-title" className="form-review__title">
          {title}
        </h2>
        {body}
      </section>
      {review.phase === 'signed' && review.printCopy ? (
        // Only printed (kiosk.css hides it on screen): the resident's copy, in Japanese as filed.
        <article className="form-print" lang="ja" aria-hidden="true">
          <h1>{review.form.title.ja}</h1>
          <table>
            <tbody>
              {review.form.fields.map((field) => (
                <tr key={field.key}>
                  <th>{field.label.ja}</th>
                  <td>{displayFormValue(field, review.form.values[field.key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <StrokesSvg strokes={review.strokes} label={t.signBox} />
          <p>{new Date(review.signedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}</p>
        </article>
      ) : null}
    </div>
  );
}
