import type { ChatMessage } from '@contract/signalling-events';

/** The specialist's typed words, very large; read out by screen readers as they arrive. */
export function StaffMessages({ messages, label }: { messages: readonly ChatMessage[]; label: string }) {
  if (messages.length === 0) return null;
  return (
    <section className="staff-messages" aria-label={label}>
      <ol className="staff-messages__list" aria-live="polite">
        {messages.map((message) => (
          <li key={message.messageId} className="staff-messages__item">
            {message.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
