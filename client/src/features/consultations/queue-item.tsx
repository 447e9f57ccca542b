import type { QueueEntry } from '@madoguchi/contract/consultation';
import { messages } from '../../i18n/messages';
import { needLabels } from './need-labels';

export interface QueueItemProps {
  entry: QueueEntry;
  now: number;
  disabled: boolean;
  onAnswer: (consultationId: string) => void;
}

/** One waiting resident: who (if booked), for which department, from where, how long, and what help they need. */
export function QueueItem({ entry, now, disabled, onAnswer }: QueueItemProps) {
  const q = messages.queue;
  const elapsedSeconds = (now - Date.parse(entry.queuedAt)) / 1000;
  const needs = needLabels(entry.needs);
  return (
    <li className="queue-item">
      <div className="queue-item__text">
        <span className="queue-item__name">
          <span className={`badge badge--${entry.kind === 'booked' ? 'booked' : 'walk-in'}`}>{entry.kind === 'booked' ? q.booked : q.walkIn}</span>{' '}
          {entry.residentName ?? entry.kioskName}
        </span>
        <span className="queue-item__place">
          {entry.departmentName ?? q.generalCounter} ・ {q.place}: {entry.kioskName}（{entry.kioskLocation}）
        </span>
        <span className="queue-item__badges">
          {entry.language !== 'ja' ? <span className="badge badge--language">{q.language(entry.language)}</span> : null}
          {needs.map((need) => (
            <span key={need} className="badge badge--need">
              {need}
            </span>
          ))}
        </span>
        <span className="queue-item__wait">{q.waitingFor(elapsedSeconds)}</span>
      </div>
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => onAnswer(entry.consultationId)}>
        {q.answer}
      </button>
    </li>
  );
}
