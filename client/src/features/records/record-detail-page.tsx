import { getConsultation } from '../../api/consultations-api';
import { hrefFor } from '../../app/routes';
import { Notice } from '../../components/notice';
import { useApiData } from '../../hooks/use-api-data';
import { common } from '../../i18n/common-messages';
import { describeError } from '../../i18n/describe-error';
import { recordMessages } from '../../i18n/record-messages';
import { formatDateTime } from '../../time/jst-format';
import { OutcomeForm } from './outcome-form';
import { RecordFacts } from './record-facts';
import { RecordLegs } from './record-legs';
import { RecordQuality } from './record-quality';
import { RecordTimeline } from './record-timeline';
import { ConsultationForms } from '../forms/consultation-forms';
import { ConsultationTranscriptSection } from '../captions/consultation-transcript';

const t = recordMessages.detail;

/** One consultation record: facts, quality, the event timeline and the outcome form. */
export function RecordDetailPage({ id }: { id: string }) {
  const detail = useApiData((o) => getConsultation(id, o), id);
  const consultation = detail.data;
  return (
    <section className="page" aria-labelledby="consultation-heading">
      <p>
        <a href={hrefFor({ name: 'consultations', query: {} })} onClick={(e) => {
          // Back keeps the list's filters, which live in the previous URL.
          if (window.history.length > 1) {
            e.preventDefault();
            window.history.back();
          }
        }}>
          ← {t.back}
        </a>
      </p>
      <h1 id="consultation-heading" className="page__title">
        {consultation ? t.heading(consultation.kioskName, formatDateTime(consultation.queuedAt)) : recordMessages.heading}
      </h1>
      {detail.error ? <Notice tone="error" text={describeError(detail.error)} actionLabel={common.actions.retry} onAction={detail.reload} /> : null}
      {!consultation && !detail.error ? <p role="status">{common.loading}</p> : null}
      {consultation ? (
        <>
          <RecordFacts consultation={consultation} />
          <RecordLegs legs={consultation.legs} currentId={consultation.id} />
          <OutcomeForm key={consultation.id} consultation={consultation} onSaved={detail.reload} />
          <section aria-labelledby="record-quality" className="card">
            <h2 id="record-quality" className="card__title">
              {t.quality}
            </h2>
            <RecordQuality quality={consultation.quality} />
          </section>
          <ConsultationForms consultationId={consultation.id} />
          {consultation.events.some((e) => e.type === 'captions_used') ? <ConsultationTranscriptSection consultationId={consultation.id} /> : null}
          <section aria-labelledby="consultation-events" className="card">
            <h2 id="consultation-events" className="card__title">
              {t.events}
            </h2>
            <RecordTimeline events={consultation.events} names={consultation.names} />
          </section>
        </>
      ) : null}
    </section>
  );
}
