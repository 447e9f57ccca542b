import { TRANSFERRED_TO_KEY, type ConsultationEvent } from '@madoguchi/contract/consultation';
import { hrefFor } from '../../app/routes';
import { common } from '../../i18n/common-messages';
import { recordMessages } from '../../i18n/record-messages';
import { formatTimestamp } from '../../time/jst-format';
import { describeEventDetails, type EventTextWords } from './record-event-text';
import { SnapshotImage } from './snapshot-image';

const t = recordMessages.detail;
const words: EventTextWords = { ...t.words, endReason: (reason) => common.endReason[reason] };

/** The other leg of a transfer, when this event names one. */
const otherLegOf = (event: ConsultationEvent): string | null => {
  const id = event.details[TRANSFERRED_TO_KEY] ?? event.details['transferredFrom'];
  return typeof id === 'string' ? id : null;
};

/** What happened in a consultation, in plain words: names, not ids; the snapshot's image on request. */
export function RecordTimeline({ events, names }: { events: readonly ConsultationEvent[]; names: Readonly<Record<string, string>> }) {
  if (events.length === 0) return <p>{t.noEvents}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => {
        const details = describeEventDetails(event, events, names, words);
        const snapshotId = event.type === 'snapshot_taken' && typeof event.details['snapshotId'] === 'string' ? event.details['snapshotId'] : null;
        const otherLeg = otherLegOf(event);
        return (
          <li key={`${event.at}-${index}`} className="timeline__item">
            <time dateTime={event.at} className="timeline__time">
              {formatTimestamp(event.at)}
            </time>
            <span className="timeline__what">
              <strong>{t.eventType[event.type]}</strong> · {t.actor(event.actor)}
            </span>
            {details ? <span className="timeline__details">{details}</span> : null}
            {otherLeg ? (
              <a className="timeline__details" href={hrefFor({ name: 'consultation', id: otherLeg })}>
                {t.otherLeg}
              </a>
            ) : null}
            {snapshotId ? <SnapshotImage snapshotId={snapshotId} takenAt={event.at} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
