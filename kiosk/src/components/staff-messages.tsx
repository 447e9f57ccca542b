import type { Language } from '@madoguchi/contract/languages';
import { phraseIn } from '@madoguchi/contract/quick-phrases';
import type { ChatMessage } from '@madoguchi/contract/signalling-events';

export interface StaffMessagesProps {
  messages: readonly ChatMessage[];
  language: Language;
  label: string;
  /** Said under a message that has no translation into the resident's language. */
  untranslatedLabel: string;
}

/**
 * The specialist's words, very large, in the resident's language when the specialist used a
 * quick phrase; free text is shown as typed (Japanese) and marked as not translated, so a
 * resident who reads no Japanese knows to ask. Read out by screen readers as they arrive.
 */
export function StaffMessages({ messages, language, label, untranslatedLabel }: StaffMessagesProps) {
  if (messages.length === 0) return null;
  return (
    <section className="staff-messages" aria-label={label}>
      <ol className="staff-messages__list" aria-live="polite">
        {messages.map((message) => {
          const translated = language === 'ja' ? message.text : phraseIn(message.translations, language);
          return (
            <li key={message.messageId} className="staff-messages__item" lang={translated ? undefined : 'ja'}>
              {translated ?? message.text}
              {translated ? null : <span className="staff-messages__untranslated">{untranslatedLabel}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
