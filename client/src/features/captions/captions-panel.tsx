import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CaptionLine, CaptionsState } from '@madoguchi/contract/captions';
import { useStaffCall } from '../../hooks/use-call-client';
import { captionMessages as t } from '../../i18n/caption-messages';
import { useCaptions } from './use-captions';

/** Every source captioning this call: a captioner and the recogniser may both be at work. */
function sourceText(state: CaptionsState | null, lines: readonly CaptionLine[]): string {
  const sources = new Set([...(state?.sourcesUsed ?? []), ...lines.map((line) => line.source)]);
  if (state?.captionerPresent) sources.add('captioner');
  if (state?.recogniser === 'running' || state?.recogniser === 'restarting') sources.add('recogniser');
  if (sources.size === 0) return t.sourceNone;
  return t.sources([...sources].sort().map((source) => (source === 'captioner' ? t.captioner : t.recogniserName(state?.engine ?? ''))));
}

function CorrectForm({ line, consultationId, onDone }: { line: CaptionLine; consultationId: string; onDone: (line: CaptionLine | null) => void }) {
  const desk = useStaffCall();
  const [text, setText] = useState(line.text);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    try {
      onDone(await desk.sendStaffRequest('correctCaption', { consultationId, lineId: line.lineId, text: trimmed.slice(0, 300) }));
    } catch {
      setFailed(true);
    }
  };
  return (
    <form className="captions-panel__correct" onSubmit={(e) => void submit(e)}>
      <label className="visually-hidden" htmlFor={`caption-${line.lineId}`}>
        {t.correctLabel}
      </label>
      <input id={`caption-${line.lineId}`} type="text" maxLength={300} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      <button type="submit" className="button button--small button--primary">
        {t.save}
      </button>
      <button type="button" className="button button--small button--secondary" onClick={() => onDone(null)}>
        {t.cancel}
      </button>
      {failed ? <span role="alert">{t.failed}</span> : null}
    </form>
  );
}

/**
 * What the resident reads on the kiosk, small: the caption lines, where they come from (a
 * captioner, the speech recogniser) and a correction for any line. Shown only when the call has
 * captions (an engine is configured, a captioner joined, or a line came).
 */
export function CaptionsPanel({ consultationId }: { consultationId: string | null }) {
  const desk = useStaffCall();
  const captions = useCaptions(consultationId, (id) => desk.sendStaffRequest('getCaptions', { consultationId: id }));
  const [editing, setEditing] = useState<string | null>(null);
  const { state, lines } = captions;
  const active = lines.length > 0 || state?.captionerPresent === true || (state !== null && state.recogniser !== 'off');
  if (!consultationId || !active) return null;
  return (
    <section className="captions-panel" aria-labelledby="captions-heading">
      <h3 id="captions-heading" className="captions-panel__heading">
        {t.heading}
      </h3>
      <p className="captions-panel__source" data-testid="captions-source">
        {sourceText(state, lines)}
        {state ? ` ・ ${t.recogniser[state.recogniser]}` : ''}
      </p>
      {lines.length === 0 ? (
        <p className="captions-panel__empty">{t.empty}</p>
      ) : (
        <ol className="captions-panel__lines">
          {lines.map((line) => (
            <li key={line.lineId} className={line.final ? 'captions-panel__line' : 'captions-panel__line captions-panel__line--partial'}>
              {editing === line.lineId ? (
                <CorrectForm
                  line={line}
                  consultationId={consultationId}
                  onDone={(corrected) => {
                    if (corrected) captions.put(corrected);
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <span className="captions-panel__text">{line.text}</span>
                  {line.corrected ? <span className="captions-panel__mark">{t.corrected}</span> : null}
                  <button type="button" className="button button--small button--secondary" onClick={() => setEditing(line.lineId)} aria-label={t.correctLine(line.text)}>
                    {t.correct}
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
