import { APPOINTMENT_STATUSES } from '@madoguchi/contract/appointments';
import { StatusBadge } from '../../components/status-badge';
import { calendarMessages } from '../../i18n/calendar-messages';
import { common } from '../../i18n/common-messages';

export function StatusLegend() {
  return (
    <div className="legend">
      <span className="legend__label">{calendarMessages.legend}:</span>
      <ul className="legend__list">
        {APPOINTMENT_STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge tone={status} label={common.appointmentStatus[status]} />
          </li>
        ))}
      </ul>
    </div>
  );
}
