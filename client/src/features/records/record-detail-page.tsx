import { getSession } from '../../api/sessions-api';
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
import { SessionForms } from '../forms/session-forms';
import { SessionTranscriptSection } from '../captions/session-transcript';

const t = recordMessages.detail;

/** One consultation record: facts, quality, the event timeline and the outcome form. */
export function RecordDetailPage({ id }: { id: string }) {
  const detail = useApiData((o) => getSession(id, o), id);
  const session = detail.data;
  return (
    <section className="page" aria-labelledby="session-heading">
      <p>
        <a href={hrefFor({ name: 'sessions', query: {} })} onClick={(e) => {
          // Back keeps the list's filters, which live in the previous URL.
          if (window.history.length > 1) {
            e.preventDefault();
            window.history.back();
          }
        }}>
          ← {t.back}
        </a>
      </p>
      <h1 id="session-heading" className="page__title">
        {session ? t.heading(session.kioskName, formatDateTime(session.queuedAt)) : recordMessages.heading}
      </h1>
      {detail.error ? <Notice tone="error" text={describeError(detail.error)} actionLabel={common.actions.retry} onAction={detail.reload} /> : null}
      {!session && !detail.error ? <p role="status">{common.loading}</p> : null}
      {session ? (
        <>
          <RecordFacts session={session} />
          <RecordLegs legs={session.legs} currentId={session.id} />
          <OutcomeForm key={session.id} session={session} onSaved={detail.reload} />
          <section aria-labelledby="record-quality" className="card">
            <h2 id="record-quality" className="card__title">
              {t.quality}
            </h2>
            <RecordQuality quality={session.quality} />
          </section>
          <SessionForms sessionId={session.id} />
          {session.events.some((e) => e.type === 'captions_used') ? <SessionTranscriptSection sessionId={session.id} /> : null}
          <section aria-labelledby="session-events" className="card">
            <h2 id="session-events" className="card__title">
              {t.events}
            </h2>
            <RecordTimeline events={session.events} names={session.names} />
          </section>
        </>
      ) : null}
    </section>
  );
}
