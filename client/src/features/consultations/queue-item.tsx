import type { QueueEntry } from '@contract/consultation';
import { messages } from '../../i18n/messages';

export interface QueueItemProps {
  entry: QueueEntry;
  now: number;
  disabled: boolean;
  onAnswer: (sessionId: string) => void;
}

export function QueueItem({ entry, now, disabled, onAnswer }: QueueItemProps) {
  const elapsedSeconds = (now - Date.parse(entry.queuedAt)) / 1000;
  return (
    <li className="queue-item">
      <div className="queue-item__text">
        <span className="queue-item__name">{entry.kioskName}</span>
        <span className="queue-item__place">
          {messages.queue.place}: {entry.kioskLocation}
        </span>
        <span className="queue-item__wait">{messages.queue.waitingFor(elapsedSeconds)}</span>
      </div>
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => onAnswer(entry.sessionId)}>
        {messages.queue.answer}
      </button>
    </li>
  );
}
