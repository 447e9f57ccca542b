import { useState } from 'react';
import type { ConsultationTranscript } from '@madoguchi/contract/captions';
import { getConsultationTranscript } from '../../api/consultations-api';
import { useApi } from '../../hooks/use-api';
import { captionMessages } from '../../i18n/caption-messages';
import { formatTimestamp, formatTime } from '../../time/jst-format';

const t = captionMessages;

/**
 * The caption text of a consultation (CAPTIONS_KEEP_TRANSCRIPT, kept only with the resident's
 * consent), in its record. Every read is audited, so it is fetched when the reader asks for it,
 * not whenever the record is opened.
 */
export function ConsultationTranscriptSection({ consultationId }: { consultationId: string }) {
  const { run } = useApi();
  const [transcript, setTranscript] = useState<ConsultationTranscript | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');

  const read = () => {
    setState('loading');
    run((o) => getConsultationTranscript(consultationId, o)).then(
      (loaded) => {
        setTranscript(loaded);
        setState('idle');
      },
      () => setState('failed'),
    );
  };

  return (
    <section aria-labelledby="consultation-transcript" className="card">
      <h2 id="consultation-transcript" className="card__title">
        {t.transcript.heading}
      </h2>
      {!transcript ? (
        <>
          <p className="page__hint">{t.transcript.lead}</p>
          <button type="button" className="button button--secondary" disabled={state === 'loading'} onClick={read}>
            {state === 'loading' ? t.transcript.loading : t.transcript.read}
          </button>
          {state === 'failed' ? <p role="alert">{t.transcript.failed}</p> : null}
        </>
      ) : transcript.kept ? (
        <>
          {transcript.consentedAt ? <p className="page__hint">{t.transcript.consentedAt(formatTimestamp(transcript.consentedAt))}</p> : null}
          <ol className="consultation-transcript">
            {transcript.lines.map((line, i) => (
              <li key={i} className="consultation-transcript__line">
                <time dateTime={line.at}>{formatTime(line.at)}</time>{' '}
                <span className="consultation-transcript__source">[{line.source === 'captioner' ? t.captioner : t.recogniserName('')}]</span>{' '}
                <span lang="ja">{line.text}</span>
                {line.corrected ? <span className="consultation-transcript__corrected">（{t.corrected}）</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p role="status">{t.transcript.notKept}</p>
      )}
    </section>
  );
}
