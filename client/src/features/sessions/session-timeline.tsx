import type { SessionEvent } from '@contract/consultation';
import { sessionMessages } from '../../i18n/session-messages';
import { formatTimestamp } from '../../time/jst-format';

const t = sessionMessages.detail;

/** Event details as short `key: value` text (ids and numbers only; no personal data is logged). */
function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

export function SessionTimeline({ events }: { events: readonly SessionEvent[] }) {
  if (events.length === 0) return <p>{t.noEvents}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className="timeline__item">
          <time dateTime={event.at} className="timeline__time">
            {formatTimestamp(event.at)}
          </time>
          <span className="timeline__what">
            <strong>{t.eventType[event.type]}</strong> · {t.actor(event.actor)}
          </span>
          {Object.keys(event.details).length > 0 ? <span className="timeline__details">{detailsText(event.details)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
