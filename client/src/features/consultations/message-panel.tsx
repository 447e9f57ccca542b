import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { listQuickPhrases } from '../../api/quick-phrases-api';
import { useApiData } from '../../hooks/use-api-data';
import { consoleMessages } from '../../i18n/console-messages';
import { currentLanguage } from '../../i18n/language';
import { formatTime } from '../../time/jst-format';
import { useCallMessages } from './use-call-messages';

const t = consoleMessages.chat;

/** Typed messages shown large on the kiosk: a text box, quick phrases and the conversation so far. */
export function MessagePanel({ consultationId }: { consultationId: string | null }) {
  const chat = useCallMessages(consultationId);
  // Staff see and press the Japanese; the kiosk shows the phrase in the resident's language.
  const phrases = useApiData(listQuickPhrases, 'quick-phrases');
  const [text, setText] = useState('');
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [chat.messages.length]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await chat.send(text)) setText('');
  }

  return (
    <section className="chat" aria-labelledby="chat-heading">
      <h3 id="chat-heading" className="chat__heading">
        {t.heading}
      </h3>
      {chat.messages.length === 0 ? (
        <p className="chat__empty">{t.empty}</p>
      ) : (
        <ol ref={listRef} className="chat__list" aria-live="polite">
          {chat.messages.map((m) => (
            <li key={m.messageId} className={`chat__message chat__message--${m.from === 'staff' ? 'own' : 'peer'}`}>
              <span className="chat__meta">
                {m.from === 'staff' ? t.you : t.resident} {formatTime(m.at)}
              </span>
              <span className="chat__text">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
      <div className="chat__phrases" role="group" aria-label={t.quickPhrases}>
        {(phrases.data ?? []).map((phrase) => (
          <button key={phrase.id} type="button" className="button button--small button--secondary" disabled={chat.sending || !consultationId} onClick={() => void chat.send(phrase.texts.ja, phrase.id)}>
            {currentLanguage() === 'en' ? (phrase.texts.en ?? phrase.texts.ja) : phrase.texts.ja}
          </button>
        ))}
      </div>
      <form className="chat__form" onSubmit={(e) => void submit(e)}>
        <label className="visually-hidden" htmlFor="chat-input">
          {t.label}
        </label>
        <input id="chat-input" type="text" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder={t.label} />
        <button type="submit" className="button button--primary" disabled={chat.sending || !text.trim() || !consultationId}>
          {t.send}
        </button>
      </form>
      <p className="chat__hint">{t.freeTextHint}</p>
      {chat.failed ? <p className="chat__error" role="alert">{t.failed}</p> : null}
    </section>
  );
}
