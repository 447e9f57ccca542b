import type { ChatMessage } from '@madoguchi/contract/signalling-events';
import { guestMessages as m } from '../../i18n/guest-messages';
import { formatTime } from '../../time/jst-format';

const senderOf = (message: ChatMessage): string =>
  message.from === 'kiosk' ? m.sources.kioskCamera : message.from === 'staff' ? m.sources.staffCamera : m.you;

/** The typed messages of the call, so a guest (an interpreter) reads what the others write. */
export function GuestMessageList({ messages }: { messages: readonly ChatMessage[] }) {
  return (
    <section className="guest__messages" aria-labelledby="guest-messages-title">
      <h2 id="guest-messages-title">{m.messagesTitle}</h2>
      {messages.length === 0 ? (
        <p>{m.noMessages}</p>
      ) : (
        <ol aria-live="polite">
          {messages.map((message) => (
            <li key={message.messageId}>
              <span className="guest__message-meta">
                {senderOf(message)} {formatTime(message.at)}
              </span>{' '}
              <span>{message.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
