import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CAPTION_LINE_MAX } from '@madoguchi/contract/captions';
import type { GuestCallClient } from '@madoguchi/call-core/call/guest-call-client';
import { captionMessages as t } from '../../i18n/caption-messages';
import { useCaptions } from './use-captions';

const newLineId = (): string => crypto.randomUUID();

/**
 * The captioner's (要約筆記) typing box: every keystroke sends the whole current line, so the
 * kiosk shows it character by character; Enter completes the line and starts the next one.
 */
export function CaptionerBox({ consultationId, client }: { consultationId: string; client: GuestCallClient }) {
  const captions = useCaptions(consultationId, (id) => client.sendGuestCallRequest('getCaptions', { consultationId: id }));
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  const lineId = useRef(newLineId());

  const send = (value: string, final: boolean): void => {
    const id = lineId.current;
    client
      .sendGuestCallRequest('captionInput', { consultationId, lineId: id, text: value, final })
      .then(() => setFailed(false))
      .catch(() => setFailed(true));
  };

  const onChange = (value: string): void => {
    setText(value);
    send(value, false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Enter completes the line; Shift+Enter is not needed for captions (one line at a time).
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!text.trim()) return;
    send(text, true);
    lineId.current = newLineId();
    setText('');
  };

  return (
    <section className="captioner" aria-labelledby="captioner-heading">
      <h2 id="captioner-heading">{t.captionerHeading}</h2>
      <p>{t.captionerLead}</p>
      <label htmlFor="captioner-input">{t.captionerLabel}</label>
      <textarea
        id="captioner-input"
        className="captioner__input"
        rows={2}
        maxLength={CAPTION_LINE_MAX}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t.failed}
        </p>
      ) : null}
      <h3>{t.sentHeading}</h3>
      <ol className="captioner__lines">
        {captions.lines.map((line) => (
          <li key={line.lineId} className={line.final ? undefined : 'captioner__line--partial'}>
            {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
