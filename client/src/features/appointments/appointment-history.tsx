import type { AppointmentChange } from '@madoguchi/contract/appointments';
import { appointmentMessages } from '../../i18n/appointment-messages';
import { calendarMessages } from '../../i18n/calendar-messages';
import { common } from '../../i18n/common-messages';
import { formatDateTime, formatTime, formatTimestamp } from '../../time/jst-format';
import { describeChangeDetails } from './change-details';
import type { ChangeDetailTexts, NameLookup } from './change-details';

const texts = appointmentMessages.history;
const detailTexts: ChangeDetailTexts = {
  from: texts.from,
  to: texts.to,
  slot: texts.slot,
  reason: texts.reason,
  unassigned: calendarMessages.unassigned,
  none: common.none,
  instant: formatDateTime,
  endTime: formatTime,
};

/** What happened to an appointment, oldest first. */
export function AppointmentHistory({ history, names }: { history: readonly AppointmentChange[]; names: NameLookup }) {
  return (
    <section className="history" aria-labelledby="appointment-history-heading">
      <h3 id="appointment-history-heading" className="history__heading">
        {texts.heading}
      </h3>
      {history.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <ol className="history__list">
          {history.map((change, index) => {
            const lines = describeChangeDetails(change.details, names, detailTexts);
            return (
              <li key={`${change.at}-${index}`} className="history__item">
                <time dateTime={change.at} className="history__time">
                  {formatTimestamp(change.at)}
                </time>{' '}
                <strong>{texts.action[change.action]}</strong>
                {change.fromStatus && change.fromStatus !== change.toStatus ? (
                  <span>
                    {' '}
                    ({common.appointmentStatus[change.fromStatus]} → {common.appointmentStatus[change.toStatus]})
                  </span>
                ) : null}{' '}
                <span className="history__actor">{texts.by(change.actorName ?? texts.system)}</span>
                {lines.length > 0 ? (
                  <dl className="history__details">
                    {lines.map((line) => (
                      <div key={line.label}>
                        <dt>{line.label}</dt>
                        <dd>{line.text}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
